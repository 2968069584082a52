package org.natter.server.ui.shared;

import java.util.Objects;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The admin window's dialogs look like the window: a Feather icon in the theme's colours instead of JavaFX's glossy
 * alert pictures, and admin.css on the dialog's own scene.
 */
public final class Dialogs {

    private static final String STYLESHEET = Objects.requireNonNull(
            Dialogs.class.getResource("/org/natter/server/ui/admin.css"), "admin.css").toExternalForm();

    private Dialogs() {
    }

    /** Gives {@code dialog} the icon (a Feather literal such as {@code fth-user-x}) and the window's stylesheet. */
    public static void decorate(Dialog<?> dialog, String icon, String kindStyleClass) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().addAll(StyleClasses.DIALOG_ICON, kindStyleClass);
        DialogPane pane = dialog.getDialogPane();
        pane.setGraphic(graphic);
        pane.getStylesheets().add(STYLESHEET);
        pane.getStyleClass().add(StyleClasses.ADMIN_DIALOG);
    }

    /**
     * Asks a yes-or-no question whose yes does something that cannot be undone; true when the operator chose
     * {@code confirmText}. Enter confirms, Esc cancels.
     */
    public static boolean confirm(Window owner, String title, String header, String content, String confirmText,
                                  String icon) {
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setContentText(content);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        ((Button) dialog.getDialogPane().lookupButton(confirm)).getStyleClass().add(StyleClasses.DANGER);
        decorate(dialog, icon, StyleClasses.DANGER);
        return dialog.showAndWait().filter(confirm::equals).isPresent();
    }
}
