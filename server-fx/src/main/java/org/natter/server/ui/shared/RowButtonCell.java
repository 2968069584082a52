package org.natter.server.ui.shared;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.kordamp.ikonli.javafx.FontIcon;

/** A table cell with one small flat button acting on its row (Drop), disabled while the row is busy. */
public final class RowButtonCell<S> extends TableCell<S, S> {

    private final Button button;
    private final Function<S, BooleanProperty> busy;

    private RowButtonCell(String text, String icon, Function<S, BooleanProperty> busy, Consumer<S> action) {
        this.busy = busy;
        button = new Button(text, new FontIcon(icon));
        button.getStyleClass().addAll(StyleClasses.ROW_BUTTON, StyleClasses.SMALL, StyleClasses.FLAT);
        button.setMnemonicParsing(false);
        button.setMinWidth(USE_PREF_SIZE);
        button.setOnAction(event -> {
            S item = getItem();
            if (item != null) {
                action.accept(item);
            }
        });
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /** Sets up {@code column} so that each row shows the button. */
    public static <S> void install(TableColumn<S, S> column, String text, String icon, Function<S, BooleanProperty> busy,
                            Consumer<S> action) {
        column.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        column.setCellFactory(c -> new RowButtonCell<>(text, icon, busy, action));
    }

    @Override
    protected void updateItem(S item, boolean empty) {
        super.updateItem(item, empty);
        button.disableProperty().unbind();
        if (empty || item == null) {
            setGraphic(null);
        } else {
            button.disableProperty().bind(busy.apply(item));
            setGraphic(button);
        }
    }
}
