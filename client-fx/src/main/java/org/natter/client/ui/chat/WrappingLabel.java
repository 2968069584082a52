package org.natter.client.ui.chat;

import javafx.scene.control.Label;

/**
 * A label that wraps at its maximum width and reports the height of the wrapped text, so that a list cell holding
 * it grows to fit long messages. A plain Label reports the height of one unwrapped line when asked without a width,
 * which is how HBox and ListCell ask.
 */
final class WrappingLabel extends Label {

    WrappingLabel() {
        setWrapText(true);
        // The preferred size depends on the maximum width, which follows the pane: a resized window re-wraps.
        maxWidthProperty().addListener(observable -> requestLayout());
    }

    @Override
    protected double computePrefWidth(double height) {
        double natural = super.computePrefWidth(height);
        return getMaxWidth() > 0 && getMaxWidth() < natural ? getMaxWidth() : natural;
    }

    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width < 0 ? prefWidth(-1) : width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
