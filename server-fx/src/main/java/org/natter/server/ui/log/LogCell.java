package org.natter.server.ui.log;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.natter.server.ui.shared.StyleClasses;

/** One log line: the time, then the text in the colour of its kind. The nodes are made once per cell. */
final class LogCell extends ListCell<LogLine> {

    /** Lines longer than this get a tooltip; shorter ones fit a window of the minimum size. */
    static final int TOOLTIP_AFTER = 60;

    private static final String LEFT_TO_RIGHT_MARK = "\u200e";

    private final LogViewModel viewModel;
    private final Label time = new Label();
    private final Label text = new Label();
    private final HBox box = new HBox(10, time, text);
    private final Tooltip fullText = new Tooltip();
    private String kindClass;

    LogCell(LogViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(StyleClasses.LOG_LINE);
        time.getStyleClass().add(StyleClasses.LOG_TIME);
        time.setMinWidth(USE_PREF_SIZE);
        // A cell no wider than the list: long lines end in "…" instead of growing a horizontal scroll bar.
        setPrefWidth(0);
        setText(null);
        fullText.setWrapText(true);
        fullText.setMaxWidth(600);
    }

    @Override
    protected void updateItem(LogLine line, boolean empty) {
        super.updateItem(line, empty);
        if (kindClass != null) {
            getStyleClass().remove(kindClass);
            kindClass = null;
        }
        if (empty || line == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        time.setText(viewModel.timeOf(line));
        // Left to right whatever the line starts with: a name in Arabic or Hebrew would otherwise turn the whole
        // line around ("joined from 127.0.0.1:5000 <name>").
        text.setText(LEFT_TO_RIGHT_MARK + line.text());
        // A long line ends in "…" in a narrow window: the tooltip shows all of it.
        fullText.setText(line.text());
        setTooltip(line.text().length() > TOOLTIP_AFTER ? fullText : null);
        kindClass = line.kind().styleClass();
        getStyleClass().add(kindClass);
        setGraphic(box);
    }
}
