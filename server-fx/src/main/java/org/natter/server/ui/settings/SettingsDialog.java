package org.natter.server.ui.settings;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiLanguage;
import org.natter.common.fx.UiTheme;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.StyleClasses;

/** Edits the server name, welcome text, theme and language; OK applies and saves them, Esc cancels. */
public final class SettingsDialog extends Dialog<ButtonType> {

    public static final String NAME_FIELD_ID = "serverNameField";
    public static final String WELCOME_FIELD_ID = "welcomeTextArea";
    public static final String THEME_BOX_ID = "themeBox";
    public static final String LANGUAGE_BOX_ID = "languageBox";
    public static final String ANNOUNCE_BOX_ID = "announceBox";

    public SettingsDialog(Window owner, Messages messages, SettingsViewModel settings, Path file) {
        initOwner(owner);
        setTitle(messages.get("settings.title"));
        setHeaderText(messages.get("settings.title"));
        TextField name = new TextField(settings.serverNameProperty().get());
        name.setId(NAME_FIELD_ID);
        name.setPrefColumnCount(28);
        TextArea welcome = new TextArea(settings.welcomeTextProperty().get());
        welcome.setId(WELCOME_FIELD_ID);
        welcome.setPromptText(messages.get("settings.welcomeText.prompt"));
        welcome.setPrefRowCount(4);
        welcome.setWrapText(true);
        // A text area keeps Tab for itself; a welcome text has no use for tab characters, and a keyboard user needs
        // Tab to reach the theme and the buttons. The area's own Ctrl+Tab moves the focus on.
        welcome.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                welcome.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, event.isShiftDown(), true,
                        false, false));
            }
        });
        ComboBox<UiTheme> theme = new ComboBox<>();
        theme.setId(THEME_BOX_ID);
        theme.getItems().setAll(UiTheme.values());
        theme.setValue(settings.themeProperty().get());
        theme.setButtonCell(new ThemeCell(messages));
        theme.setCellFactory(list -> new ThemeCell(messages));

        ComboBox<UiLanguage> language = new ComboBox<>();
        language.setId(LANGUAGE_BOX_ID);
        language.getItems().setAll(UiLanguage.values());
        language.setValue(settings.languageProperty().get());
        language.setButtonCell(new LanguageCell(messages));
        language.setCellFactory(list -> new LanguageCell(messages));
        Label languageNote = new Label(messages.get("settings.language.note"));
        languageNote.getStyleClass().add(StyleClasses.TEXT_MUTED);

        CheckBox joinsAndLeaves = new CheckBox(messages.get("settings.showJoinsAndLeaves"));
        joinsAndLeaves.setSelected(settings.showJoinsAndLeavesProperty().get());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, label(messages.get("settings.serverName"), name), name);
        grid.addRow(1, label(messages.get("settings.welcomeText"), welcome), welcome);
        grid.addRow(2, label(messages.get("settings.theme"), theme), theme);
        Label where = new Label(messages.get("settings.file", file.toString()));
        where.getStyleClass().add(StyleClasses.TEXT_MUTED);
        where.setWrapText(true);
        HBox languageRow = new HBox(10, language, languageNote);
        languageRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(3, label(messages.get("settings.language"), language), languageRow);
        grid.add(joinsAndLeaves, 1, 4);
        CheckBox announce = new CheckBox(messages.get("settings.announce"));
        announce.setId(ANNOUNCE_BOX_ID);
        announce.setSelected(settings.announceProperty().get());
        Label announceNote = new Label(messages.get("settings.announce.note"));
        announceNote.getStyleClass().add(StyleClasses.TEXT_MUTED);
        announceNote.setWrapText(true);
        grid.add(new javafx.scene.layout.VBox(2, announce, announceNote), 1, 5);
        SecuritySection security = new SecuritySection(messages, settings.security(), () -> getDialogPane().getScene().getWindow());
        grid.add(security.content(), 0, 6, 2, 1);
        grid.add(where, 0, 5, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // A too long password keeps the dialog open; the line under the field says why.
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            if (security.problem() != null) {
                event.consume();
            }
        });
        Dialogs.decorate(this, "fth-settings", StyleClasses.ACCENT);
        setOnShown(event -> Platform.runLater(name::requestFocus));
        setResultConverter(button -> {
            if (button == ButtonType.OK) {
                settings.updateInfo(name.getText(), welcome.getText());
                settings.themeProperty().set(theme.getValue());
                settings.showJoinsAndLeavesProperty().set(joinsAndLeaves.isSelected());
                settings.announceProperty().set(announce.isSelected());
                settings.languageProperty().set(language.getValue());
                security.apply();
            }
            return button;
        });
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label label = new Label(text);
        label.setLabelFor(target);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Each language in its own words ("English", "Français"); the system choice in the current one. */
    private static final class LanguageCell extends ListCell<UiLanguage> {
        private final Messages messages;

        LanguageCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(UiLanguage item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : messages.get("language." + item.name()));
        }
    }

    private static final class ThemeCell extends ListCell<UiTheme> {
        private final Messages messages;

        ThemeCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(UiTheme item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : messages.get("theme." + item.name()));
        }
    }
}
