package org.natter.server.ui.control;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Pane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.StyleClasses;

/** The "Users connect to" buttons: one per address, a click copies it to the clipboard. */
public final class AddressChips {

    private AddressChips() {
    }

    public static void show(Pane box, List<String> addresses, Messages messages, Consumer<String> notices) {
        box.getChildren().clear();
        for (String address : addresses) {
            Button chip = new Button(address, new FontIcon("fth-copy"));
            chip.getStyleClass().addAll(StyleClasses.ADDRESS_CHIP, StyleClasses.SMALL);
            chip.setMnemonicParsing(false);
            chip.setTooltip(new Tooltip(messages.get("bar.copy.tooltip")));
            chip.setOnAction(event -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(address);
                Clipboard.getSystemClipboard().setContent(content);
                notices.accept(messages.get("notice.copied", address));
            });
            box.getChildren().add(chip);
        }
    }
}
