package org.natter.client.ui.login;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.net.doctor.Finding;
import org.natter.client.ui.I18n;
import org.natter.client.ui.Styles;

/**
 * Shows a {@link ConnectionTestViewModel}'s steps under the login form: one row per step with a tick or a cross,
 * the step's name and the sentence that explains it. FX thread only.
 */
final class ConnectionTestPanel {

    private ConnectionTestPanel() {
    }

    static void bind(Button testButton, VBox panel, ConnectionTestViewModel test) {
        testButton.setOnAction(event -> test.run());
        testButton.disableProperty().bind(test.runningProperty());
        Label heading = new Label();
        heading.getStyleClass().add(Styles.DOCTOR_HEADING);
        heading.setWrapText(true);
        heading.textProperty().bind(test.headingProperty());
        panel.visibleProperty().bind(test.headingProperty().isNotEmpty());
        panel.managedProperty().bind(panel.visibleProperty());
        panel.getChildren().setAll(heading);
        test.findings().addListener((ListChangeListener<Finding>) change -> {
            panel.getChildren().setAll(heading);
            test.findings().forEach(finding -> panel.getChildren().add(row(finding)));
        });
    }

    private static HBox row(Finding finding) {
        Locale locale = Locale.getDefault();
        FontIcon mark = new FontIcon(finding.passed() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE);
        mark.getStyleClass().add(finding.passed() ? Styles.DOCTOR_PASSED : Styles.DOCTOR_FAILED);
        Label title = new Label(Finding.title(finding.check(), locale));
        title.getStyleClass().add(Styles.DOCTOR_STEP);
        Label sentence = new Label(finding.sentence(locale));
        sentence.setWrapText(true);
        sentence.getStyleClass().add(Styles.DOCTOR_SENTENCE);
        VBox text = new VBox(1, title, sentence);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, mark, text);
        row.getStyleClass().add(Styles.DOCTOR_ROW);
        // A screen reader reads the verdict with the step, as the icon shows it.
        row.setAccessibleText(I18n.text(finding.passed() ? "doctor.accessible.passed" : "doctor.accessible.failed",
                title.getText(), sentence.getText()));
        row.setFocusTraversable(false);
        return row;
    }
}
