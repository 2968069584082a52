package org.natter.client.ui.chat;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.natter.client.ui.Styles;

/**
 * A message's text: plain text and clickable http(s) links, wrapped at the maximum width, reporting the height of
 * the wrapped text (as {@link WrappingLabel} does) so the list cell grows to fit. The text is never read as markup.
 */
public final class MessageText extends TextFlow {

    private final Consumer<String> openLink;
    private String text = "";

    MessageText(Consumer<String> openLink) {
        this.openLink = openLink;
        getStyleClass().add(Styles.MESSAGE_TEXT);
        maxWidthProperty().addListener(observable -> requestLayout());
    }

    /** The whole text, links included, as the sender wrote it. */
    public String getText() {
        return text;
    }

    void setText(String text) {
        this.text = text;
        getChildren().setAll(LinkText.split(text).stream().map(this::node).toList());
    }

    private Node node(LinkText.Segment segment) {
        if (!segment.link()) {
            Text text = new Text(segment.text());
            text.getStyleClass().add(Styles.MESSAGE_TEXT_RUN);
            return text;
        }
        Hyperlink link = new Hyperlink(segment.text());
        link.setMnemonicParsing(false);
        link.setWrapText(true);
        link.maxWidthProperty().bind(maxWidthProperty());
        link.setTooltip(new Tooltip(segment.text()));
        link.getStyleClass().add(Styles.MESSAGE_LINK);
        link.setOnAction(event -> {
            link.setVisited(true);
            openLink.accept(segment.text());
        });
        return link;
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
