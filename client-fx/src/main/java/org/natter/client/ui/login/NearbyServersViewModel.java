package org.natter.client.ui.login;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.client.net.discovery.FoundServer;
import org.natter.client.net.discovery.ServerBrowser;
import org.natter.common.fx.FxLatest;

/**
 * The login view's "On your network" list: the Natter servers announced on the local network, live, while the
 * login view is shown.
 *
 * <p>Threads: the list and the state belong to the FX thread (the UI executor). Browsing starts and stops on a
 * background executor (it opens and closes multicast sockets), and the browser's snapshots reach the FX thread
 * through an {@link FxLatest}, so a burst of announcements is one list update.
 */
public final class NearbyServersViewModel {

    /** What the list is doing, for its placeholder text. */
    public enum State { IDLE, LOOKING, BLIND }

    private final Supplier<List<InetAddress>> addresses;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<FoundServer> servers = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final FxLatest<List<FoundServer>> updates;
    private CompletableFuture<ServerBrowser> browser;

    /**
     * @param addresses  the local addresses to listen from (called on the background executor)
     * @param background runs the blocking start and stop of the browser
     * @param uiExecutor the FX thread
     */
    public NearbyServersViewModel(Supplier<List<InetAddress>> addresses, Executor background, Executor uiExecutor) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(uiExecutor, "uiExecutor");
        this.updates = new FxLatest<>(uiExecutor, servers::setAll);
    }

    /** The servers heard so far, sorted by name; FX thread. */
    public ObservableList<FoundServer> servers() {
        return servers;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Starts listening, unless already listening. FX thread. */
    public void start() {
        if (browser != null) {
            return;
        }
        state.set(State.LOOKING);
        CompletableFuture<ServerBrowser> starting = CompletableFuture.supplyAsync(
                () -> ServerBrowser.start(addresses.get(), updates::set), background);
        browser = starting;
        starting.whenCompleteAsync((started, failure) -> {
            if (browser != starting) {
                return;
            }
            if (failure != null || started.isBlind()) {
                state.set(State.BLIND);
            }
        }, ui);
    }

    /** Stops listening and forgets the list (it would only go stale). FX thread. */
    public void stop() {
        CompletableFuture<ServerBrowser> stopping = browser;
        browser = null;
        servers.clear();
        state.set(State.IDLE);
        if (stopping != null) {
            stopping.thenAcceptAsync(ServerBrowser::close, background);
        }
    }
}
