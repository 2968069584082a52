package org.natter.client.ui.login;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.client.net.doctor.ConnectionDoctor;
import org.natter.client.net.doctor.Finding;
import org.natter.client.ui.I18n;

/**
 * The login view's Test connection: runs the {@link ConnectionDoctor} against the server in the form and lists
 * each step as it is checked, so a failing connection explains itself.
 *
 * <p>Threads: the findings list and the properties belong to the FX thread; the doctor blocks, so it runs on the
 * background executor and each finding is handed to the FX thread as it is made. A test started while another
 * runs is ignored; a result that arrives after the server field changed still belongs to the test that was run,
 * and says which server it was about.
 */
public final class ConnectionTestViewModel {

    private final Supplier<String> serverText;
    private final ConnectionDoctor doctor;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");

    public ConnectionTestViewModel(Supplier<String> serverText, ConnectionDoctor doctor, Executor background,
            Executor uiExecutor) {
        this.serverText = Objects.requireNonNull(serverText, "serverText");
        this.doctor = Objects.requireNonNull(doctor, "doctor");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(uiExecutor, "uiExecutor");
    }

    /** The steps checked so far, in order; FX thread. */
    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the list is about ("Checking chat.lan:8020 …", then the verdict), or empty before the first test. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Checks the server typed in the form. FX thread. */
    public void run() {
        if (running.get()) {
            return;
        }
        ServerInput input;
        try {
            input = ServerInput.read(serverText.get());
        } catch (IllegalArgumentException e) {
            findings.clear();
            heading.set(e.getMessage());
            return;
        }
        findings.clear();
        running.set(true);
        heading.set(I18n.text("doctor.checking", input.address()));
        doctor.examineInBackground(input.address(), finding -> ui.execute(() -> findings.add(finding)), background)
                .whenCompleteAsync((diagnosis, failure) -> {
                    running.set(false);
                    boolean healthy = failure == null && diagnosis.healthy();
                    heading.set(I18n.text(healthy ? "doctor.healthy" : "doctor.broken", input.address()));
                }, ui);
    }

    /** Forgets the last test (the form changed). FX thread. */
    public void clear() {
        if (!running.get()) {
            findings.clear();
            heading.set("");
        }
    }
}
