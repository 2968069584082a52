package org.natter.server.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.ServerAnnouncement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerListener;

/**
 * Announces a running server on the local network with DNS-SD over multicast DNS (jmDNS), so clients list it
 * under "On your network" without anyone typing an address. It starts when the server starts, withdraws when it
 * stops, and refreshes the user count at most every {@link #REFRESH}.
 *
 * <p>Threads: server events arrive on {@code natter-events} and only hand work over; everything that touches
 * jmDNS (it binds sockets and sends packets) runs on this announcer's own thread, {@code natter-announce}, which
 * owns {@link #responders} and {@link #announced}.
 */
public final class ServerAnnouncer implements ServerListener, AutoCloseable {

    /** How often at most a changed user count or name is announced again. */
    public static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ServerAnnouncer.class);

    private final String bindAddress;
    private final Supplier<ServerAnnouncement> current;
    private final Consumer<String> notices;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "natter-announce");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    private final List<Responder> responders = new ArrayList<>();
    private ServerAnnouncement announced;

    private record Responder(InetAddress address, JmDNS dns, ServiceInfo service) {
    }

    /**
     * @param bindAddress the address the server listens on ("" for all): it announces there only
     * @param current     what to announce; called on the announcer's thread
     * @param notices     one sentence for the operator each time announcing starts or fails (announcer's thread)
     */
    public ServerAnnouncer(String bindAddress, Supplier<ServerAnnouncement> current, Consumer<String> notices) {
        this.bindAddress = bindAddress == null ? "" : bindAddress;
        this.current = current;
        this.notices = notices;
    }

    /**
     * Announces {@code server} from now on: at once if it is running, and on every later start. Closing the
     * returned announcer withdraws the announcement.
     */
    public static ServerAnnouncer attach(ChatServer server, Consumer<String> notices) {
        ServerAnnouncer announcer = new ServerAnnouncer(server.settings().bindAddress(), () -> new ServerAnnouncement(
                server.settings().serverName(), ProtocolLimits.PROTOCOL_VERSION, server.security().fingerprint(),
                server.security().needsPassword(), server.users().size()), notices);
        server.addListener(announcer);
        if (server.state() == ServerState.RUNNING) {
            announcer.announceRunning(server.port());
        }
        return announcer;
    }

    @Override
    public void onEvent(ServerEvent event) {
        if (event instanceof ServerEvent.Started started) {
            worker.execute(() -> announce(started.port()));
        } else if (event instanceof ServerEvent.Stopped) {
            worker.execute(this::withdraw);
        } else if (event instanceof ServerEvent.UserJoined || event instanceof ServerEvent.UserLeft) {
            queueRefresh();
        }
    }

    private void announceRunning(int port) {
        worker.execute(() -> announce(port));
    }

    /** Withdraws the announcement (a goodbye packet, so browsers drop it at once) and ends the thread. */
    @Override
    public void close() {
        worker.execute(this::withdraw);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(3, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void queueRefresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            worker.schedule(() -> {
                refreshQueued.set(false);
                refresh();
            }, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void announce(int port) {
        withdraw();
        List<InetAddress> addresses = AnnounceAddresses.forBindAddress(bindAddress);
        if (addresses.isEmpty()) {
            notices.accept("Not announced on the network: this computer has no network interface that can multicast.");
            return;
        }
        ServerAnnouncement what = current.get();
        for (InetAddress address : addresses) {
            if (!AnnounceAddresses.canMulticast(address)) {
                notices.accept("Not announced on " + address.getHostAddress() + ": its network interface cannot multicast"
                        + (address.isLoopbackAddress() ? " (on Linux: ip link set lo multicast on)." : "."));
                continue;
            }
            try {
                JmDNS dns = JmDNS.create(address, "natter-" + address.getHostAddress().replace('.', '-').replace(':', '-'));
                ServiceInfo service = ServiceInfo.create(ServerAnnouncement.SERVICE_TYPE, what.serverName(), port, 0, 0,
                        what.toTxt());
                dns.registerService(service);
                responders.add(new Responder(address, dns, service));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Announcing on {} failed", address.getHostAddress(), e);
                notices.accept("Not announced on " + address.getHostAddress() + ": " + e.getMessage());
            }
        }
        announced = what;
        if (!responders.isEmpty()) {
            List<String> where = responders.stream().map(r -> r.address().getHostAddress()).toList();
            boolean loopbackOnly = responders.stream().allMatch(r -> r.address().isLoopbackAddress());
            notices.accept("Announced as \"" + what.serverName() + "\" on " + String.join(", ", where)
                    + (loopbackOnly ? " (loopback only: only this computer can find it)." : "."));
        }
    }

    private void refresh() {
        if (responders.isEmpty()) {
            return;
        }
        ServerAnnouncement what = current.get();
        if (what.equals(announced)) {
            return;
        }
        for (Responder responder : responders) {
            // jmDNS sends the new TXT record on its own timer; browsers see the change within seconds.
            responder.service().setText(what.toTxt());
        }
        announced = what;
    }

    private void withdraw() {
        for (Responder responder : responders) {
            try {
                responder.dns().unregisterAllServices();
                responder.dns().close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing the announcer on {} failed", responder.address().getHostAddress(), e);
            }
        }
        responders.clear();
        announced = null;
    }
}
