package org.natter.server.ui.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.natter.server.ui.shared.TimeFormats;

/**
 * The log: a capped list of {@link LogLine} records, a filter and auto-scroll. FX thread only, except
 * {@link #save}, which writes the file on the background executor.
 */
public final class LogViewModel {

    public static final int DEFAULT_CAPACITY = 10_000;
    /** Longer texts are cut, so that 10,000 lines of 4,000-character messages cannot fill the heap. */
    static final int MAX_TEXT_LENGTH = 300;

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private final int capacity;
    private final ZoneId zone;
    private final Executor background;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> visibleLines = new FilteredList<>(lines);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty autoScroll = new SimpleBooleanProperty(this, "autoScroll", true);
    private final BooleanProperty showJoinsAndLeaves = new SimpleBooleanProperty(this, "showJoinsAndLeaves", true);
    private final ReadOnlyIntegerWrapper unseenLines = new ReadOnlyIntegerWrapper(this, "unseenLines");

    public LogViewModel(int capacity, ZoneId zone, Executor background) {
        this.capacity = capacity;
        this.zone = zone;
        this.background = background;
        filter.addListener((obs, old, text) -> updatePredicate());
        showJoinsAndLeaves.addListener((obs, old, show) -> updatePredicate());
        autoScroll.addListener((obs, old, follow) -> {
            if (follow) {
                unseenLines.set(0);
            }
        });
    }

    /** Every line kept, oldest first. */
    public ObservableList<LogLine> lines() {
        return lines;
    }

    /** The lines that match the filter; the list view shows these. */
    public ObservableList<LogLine> visibleLines() {
        return visibleLines;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** False while the operator reads older lines: new lines still arrive but the view stays where it is. */
    public BooleanProperty autoScrollProperty() {
        return autoScroll;
    }

    /** False hides the lines of users joining and leaving (a setting); kicks stay. */
    public BooleanProperty showJoinsAndLeavesProperty() {
        return showJoinsAndLeaves;
    }

    /** How many lines arrived since the operator paused ("Resume (12 new lines)"); 0 while following. */
    public ReadOnlyIntegerProperty unseenLinesProperty() {
        return unseenLines.getReadOnlyProperty();
    }

    /** Pause or resume following the newest lines. */
    public void togglePause() {
        autoScroll.set(!autoScroll.get());
    }

    /** Adds a batch with one list change, dropping the oldest lines past the capacity. */
    public void append(List<LogLine> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<LogLine> added = batch.size() > capacity ? batch.subList(batch.size() - capacity, batch.size()) : batch;
        int overflow = lines.size() + added.size() - capacity;
        if (overflow > 0) {
            lines.remove(0, overflow);
        }
        lines.addAll(added);
        if (!autoScroll.get()) {
            unseenLines.set(unseenLines.get() + (int) added.stream().filter(visible()).count());
        }
    }

    public void clear() {
        lines.clear();
    }

    /** The time of day as the log shows it. */
    public String timeOf(LogLine line) {
        return TimeFormats.TIME_OF_DAY.format(line.at().atZone(zone));
    }

    /** Writes the lines that match the filter to {@code file}, one per line with date and time. */
    public CompletableFuture<Void> save(Path file) {
        List<LogLine> snapshot = new ArrayList<>(visibleLines);
        return CompletableFuture.runAsync(() -> {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (LogLine line : snapshot) {
                    out.write(FILE_TIME.format(line.at().atZone(zone)));
                    out.write("  ");
                    out.write(String.format(Locale.ROOT, "%-8s", line.kind()));
                    out.write(line.text());
                    out.newLine();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background);
    }

    /** {@code text} on one line, cut to {@link #MAX_TEXT_LENGTH}. */
    public static String shorten(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return oneLine.length() <= MAX_TEXT_LENGTH ? oneLine : oneLine.substring(0, MAX_TEXT_LENGTH - 1) + "…";
    }

    private void updatePredicate() {
        boolean everything = (filter.get() == null || filter.get().isBlank()) && showJoinsAndLeaves.get();
        visibleLines.setPredicate(everything ? null : visible());
    }

    private Predicate<LogLine> visible() {
        String text = filter.get();
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        boolean joinsAndLeaves = showJoinsAndLeaves.get();
        return line -> (joinsAndLeaves || !line.kind().isJoinOrLeave())
                && (needle.isEmpty() || line.text().toLowerCase(Locale.ROOT).contains(needle));
    }
}
