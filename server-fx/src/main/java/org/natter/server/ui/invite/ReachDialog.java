package org.natter.server.ui.invite;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.common.fx.Messages;
import org.natter.server.discovery.Reachability;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.StyleClasses;

/** Shows the answer to "Can others reach me?": one line per piece of advice, with a tick or a warning sign. */
public final class ReachDialog {

    private ReachDialog() {
    }

    public static void show(Window owner, List<Reachability.Advice> advice, Messages messages) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("reach.title"));
        dialog.setHeaderText(messages.get("reach.header"));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content(advice, messages));
        Dialogs.decorate(dialog, "fth-wifi", StyleClasses.ACCENT);
        dialog.show();
    }

    static VBox content(List<Reachability.Advice> advice, Messages messages) {
        VBox box = new VBox(10);
        box.setPrefWidth(520);
        for (Reachability.Advice item : advice) {
            FontIcon mark = new FontIcon(item.good() ? "fth-check-circle" : "fth-alert-triangle");
            mark.getStyleClass().add(item.good() ? StyleClasses.SUCCESS : StyleClasses.DANGER);
            Label text = new Label(messages.get(item.key(), item.args().toArray()));
            text.setWrapText(true);
            text.getStyleClass().add("reach-advice");
            HBox row = new HBox(8, mark, text);
            row.setAccessibleText(text.getText());
            box.getChildren().add(row);
        }
        return box;
    }
}
