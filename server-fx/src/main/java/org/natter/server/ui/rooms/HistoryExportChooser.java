package org.natter.server.ui.rooms;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.natter.common.fx.Messages;
import org.natter.server.core.HistoryExport;

/**
 * The save dialog for a room's history: JSON lines or plain text, opening in the home folder and then in the folder
 * last exported to (kept for this window's life).
 */
final class HistoryExportChooser {

    /** Where and how to export. */
    record Choice(Path file, HistoryExport.Format format) {
    }

    private final Messages messages;
    private File folder = new File(System.getProperty("user.home"));

    HistoryExportChooser(Messages messages) {
        this.messages = messages;
    }

    Optional<Choice> ask(Window owner, String room) {
        FileChooser.ExtensionFilter json = new FileChooser.ExtensionFilter(messages.get("rooms.export.json"), "*.jsonl");
        FileChooser.ExtensionFilter text = new FileChooser.ExtensionFilter(messages.get("rooms.export.text"), "*.txt");
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("rooms.export.title", room));
        chooser.getExtensionFilters().addAll(text, json);
        chooser.setSelectedExtensionFilter(text);
        chooser.setInitialFileName(messages.get("rooms.export.fileName", room) + ".txt");
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        folder = file.getParentFile();
        HistoryExport.Format chosen = chooser.getSelectedExtensionFilter() == json
                ? HistoryExport.Format.JSON_LINES : HistoryExport.Format.TEXT;
        return Optional.of(new Choice(file.toPath(), RoomsViewModel.formatFor(file.toPath(), chosen)));
    }
}
