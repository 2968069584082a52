package org.natter.server.ui.log;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.beans.binding.Bindings;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.Failures;

/** Code-behind of Log.fxml: the log list, its filter, pause, clear and save. */
public final class LogView {

    @FXML private TextField filterField;
    @FXML private Button pauseButton;
    @FXML private FontIcon pauseIcon;
    @FXML private Button clearButton;
    @FXML private Button saveButton;
    @FXML private ListView<LogLine> logList;

    private LogViewModel viewModel;
    private Messages messages;
    private Consumer<String> notices;
    private boolean scrollPending;
    /** Where the last log was saved; the next save dialog opens there (the home folder at first). */
    private File saveFolder = new File(System.getProperty("user.home"));

    public void bind(LogViewModel logViewModel, Messages texts, Consumer<String> noticeSink) {
        this.viewModel = logViewModel;
        this.messages = texts;
        this.notices = noticeSink;
        logList.setItems(viewModel.visibleLines());
        logList.setCellFactory(list -> new LogCell(viewModel));
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());
        pauseButton.textProperty().bind(Bindings.createStringBinding(() -> viewModel.autoScrollProperty().get()
                        ? messages.get("log.pause") : messages.get("log.resume", viewModel.unseenLinesProperty().get()),
                viewModel.autoScrollProperty(), viewModel.unseenLinesProperty()));
        viewModel.autoScrollProperty().addListener((obs, old, follow) -> {
            pauseIcon.setIconLiteral(follow ? "fth-pause" : "fth-play");
            scrollToEnd();
        });
        // One batch is one list change, so this scrolls at most once per batch.
        viewModel.visibleLines().addListener((ListChangeListener<LogLine>) change -> scrollToEnd());
    }

    /**
     * Makes room for "Resume (10,000 new lines)" in the header while the window works out its minimum size, so
     * that the header still fits when paused (the split pane then moves its divider). After the first layout;
     * {@link #releaseResumeWidth} gives the room back.
     */
    public void reserveResumeWidth() {
        Text longest = new Text(messages.get("log.resume", LogViewModel.DEFAULT_CAPACITY).replace("_", ""));
        Text now = new Text(pauseButton.getText().replace("_", ""));
        longest.setFont(pauseButton.getFont());
        now.setFont(pauseButton.getFont());
        double extra = Math.max(0, longest.getLayoutBounds().getWidth() - now.getLayoutBounds().getWidth());
        pauseButton.setMinWidth(pauseButton.prefWidth(-1) + extra);
    }

    public void releaseResumeWidth() {
        pauseButton.setMinWidth(Region.USE_PREF_SIZE);
    }

    @FXML
    private void togglePause() {
        viewModel.togglePause();
    }

    @FXML
    private void clear() {
        viewModel.clear();
    }

    @FXML
    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("log.save.title"));
        chooser.setInitialFileName("natter-server-log.txt");
        chooser.setInitialDirectory(saveFolder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("log.save.type"), "*.txt", "*.log"));
        File file = chooser.showSaveDialog(logList.getScene().getWindow());
        if (file == null) {
            return;
        }
        saveFolder = file.getParentFile();
        Path path = file.toPath();
        viewModel.save(path).whenCompleteAsync((ignored, failure) -> notices.accept(failure == null
                ? messages.get("log.save.done", path.toString())
                : messages.get("log.save.failed", Failures.reasonOf(failure))), Platform::runLater);
    }

    /**
     * Scrolls after the list view has taken in the change (scrolling inside the change itself is undone by the
     * skin); at most one such request is pending, however many batches arrive.
     */
    private void scrollToEnd() {
        if (scrollPending || !viewModel.autoScrollProperty().get()) {
            return;
        }
        scrollPending = true;
        Platform.runLater(() -> {
            scrollPending = false;
            int size = logList.getItems().size();
            if (viewModel.autoScrollProperty().get() && size > 0) {
                logList.scrollTo(size - 1);
            }
        });
    }
}
