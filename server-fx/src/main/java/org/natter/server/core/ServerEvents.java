package org.natter.server.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands server events to the listeners and to the log. A listener that throws cannot hurt the server. */
final class ServerEvents {

    private static final Logger LOG = LoggerFactory.getLogger("org.natter.server.events");

    private final List<ServerListener> listeners = new CopyOnWriteArrayList<>();

    void add(ServerListener listener) {
        listeners.add(listener);
    }

    void remove(ServerListener listener) {
        listeners.remove(listener);
    }

    void stateChanged(ServerState state) {
        LOG.debug("state {}", state);
        for (ServerListener listener : listeners) {
            try {
                listener.stateChanged(state);
            } catch (RuntimeException e) {
                LOG.warn("A server listener failed on state {}", state, e);
            }
        }
    }

    void publish(ServerEvent event) {
        log(event);
        for (ServerListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("A server listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    private static void log(ServerEvent event) {
        if (event instanceof ServerEvent.Started e) {
            LOG.info("Server started on port {}", e.port());
        } else if (event instanceof ServerEvent.Stopped) {
            LOG.info("Server stopped");
        } else if (event instanceof ServerEvent.HostPending e) {
            LOG.info("Host pending: {} (connection {})", e.host().address(), e.host().connectionId());
        } else if (event instanceof ServerEvent.HostClosed e) {
            LOG.info("Host {} closed: {}", e.address(), e.why());
        } else if (event instanceof ServerEvent.UserJoined e) {
            LOG.info("User {} joined from {}", SafeText.escape(e.user().name()), e.user().address());
        } else if (event instanceof ServerEvent.UserLeft e) {
            LOG.info("User {} left: {} {}", SafeText.escape(e.user().name()), e.reason().wireName(), SafeText.escape(e.detail()));
        } else if (event instanceof ServerEvent.MessageSent e) {
            // The text stays out of the log file: it is the users' conversation, not the operator's record.
            LOG.debug("Message {} from {} ({} characters)", e.message().id(), SafeText.escape(e.message().from()), e.message().text().length());
        } else if (event instanceof ServerEvent.Announced e) {
            LOG.info("Announcement to {} users", e.recipients());
        } else if (event instanceof ServerEvent.ClientError e) {
            LOG.info("Refused a request from {}: {} {}", SafeText.escape(e.who()), e.code(), SafeText.escape(e.message()));
        } else if (event instanceof ServerEvent.Failure e) {
            LOG.warn("Server problem: {}", e.message());
        }
    }
}
