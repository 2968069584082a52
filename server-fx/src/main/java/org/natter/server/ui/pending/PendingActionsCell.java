package org.natter.server.ui.pending;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.StyleClasses;

/**
 * The buttons of a pending row: Admit and Refuse for someone waiting to be let in, Drop for a host that has not asked
 * yet. Disabled while the row's action is on its way.
 */
final class PendingActionsCell extends TableCell<PendingHostItemViewModel, PendingHostItemViewModel> {

    static final String ADMIT_ID = "pendingAdmit";
    static final String REFUSE_ID = "pendingRefuse";

    private final Button admit;
    private final Button refuse;
    private final Button drop;
    private final HBox waitingButtons;

    private PendingActionsCell(Messages messages, Consumer<PendingHostItemViewModel> onAdmit,
                               Consumer<PendingHostItemViewModel> onRefuse, Consumer<PendingHostItemViewModel> onDrop) {
        admit = button(messages.get("pending.admit"), "fth-check-circle", onAdmit);
        admit.getStyleClass().add(StyleClasses.SUCCESS);
        admit.setId(ADMIT_ID);
        refuse = button(messages.get("pending.refuse"), "fth-x-circle", onRefuse);
        refuse.getStyleClass().add(StyleClasses.DANGER);
        refuse.setId(REFUSE_ID);
        drop = button(messages.get("pending.drop"), "fth-x-circle", onDrop);
        waitingButtons = new HBox(4, admit, refuse);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    static void install(TableColumn<PendingHostItemViewModel, PendingHostItemViewModel> column, Messages messages,
                        Consumer<PendingHostItemViewModel> onAdmit, Consumer<PendingHostItemViewModel> onRefuse,
                        Consumer<PendingHostItemViewModel> onDrop) {
        column.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        column.setCellFactory(c -> new PendingActionsCell(messages, onAdmit, onRefuse, onDrop));
    }

    private Button button(String text, String icon, Consumer<PendingHostItemViewModel> action) {
        Button button = new Button(text, new FontIcon(icon));
        button.getStyleClass().addAll(StyleClasses.ROW_BUTTON, StyleClasses.SMALL, StyleClasses.FLAT);
        button.setMnemonicParsing(false);
        button.setMinWidth(USE_PREF_SIZE);
        button.setOnAction(event -> {
            PendingHostItemViewModel item = getItem();
            if (item != null) {
                action.accept(item);
            }
        });
        return button;
    }

    @Override
    protected void updateItem(PendingHostItemViewModel item, boolean empty) {
        super.updateItem(item, empty);
        for (Button button : new Button[] {admit, refuse, drop}) {
            button.disableProperty().unbind();
            if (item != null && !empty) {
                button.disableProperty().bind(item.busyProperty());
            }
        }
        if (empty || item == null) {
            setGraphic(null);
        } else {
            setGraphic(item.isWaiting() ? waitingButtons : drop);
        }
    }
}
