package org.natter.server.core;

import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes server events to the log file, with whatever a client chose escaped so it cannot forge a line; called on the event dispatcher thread only, never on an I/O
 * thread.
 */
final class ServerEventLog {

    private static final Logger LOG = LoggerFactory.getLogger("org.natter.server.events");

    private ServerEventLog() {
    }

    static void log(ServerEvent event) {
        if (event instanceof ServerEvent.Started e) {
            LOG.info("Server started on port {}", e.port());
        } else if (event instanceof ServerEvent.Stopped) {
            LOG.info("Server stopped");
        } else if (event instanceof ServerEvent.HostPending e) {
            LOG.info("Host pending: {} (connection {}){}", e.host().address(), e.host().connectionId(),
                    e.host().isWaiting() ? " waits to be let in as " + SafeText.escape(e.host().waitingName()) : "");
        } else if (event instanceof ServerEvent.HostClosed e) {
            LOG.info("Host {} closed: {}", e.address(), e.why());
        } else if (event instanceof ServerEvent.UserJoined e) {
            LOG.info("User {} joined from {}", SafeText.escape(e.user().name()), e.user().address());
        } else if (event instanceof ServerEvent.UserLeft e) {
            LOG.info("User {} left: {} {}", SafeText.escape(e.user().name()), e.reason().wireName(), SafeText.escape(e.detail()));
        } else if (event instanceof ServerEvent.MessageSent e) {
            // The text stays out of the log file: it is the users' conversation, not the operator's record.
            LOG.debug("Message {} from {} ({} characters)", e.message().id(), SafeText.escape(e.message().from()),
                    e.message().text().length());
        } else if (event instanceof ServerEvent.Announced e) {
            LOG.info("Announcement to {} users", e.recipients());
        } else if (event instanceof ServerEvent.ClientError e) {
            LOG.info("Refused a request from {}: {} {}", SafeText.escape(e.who()), e.code(), SafeText.escape(e.message()));
        } else if (event instanceof ServerEvent.Moderated e) {
            LOG.info("Operator {} {} {} {}", e.action(), SafeText.escape(e.target()), e.until(), SafeText.escape(e.reason()));
        } else if (event instanceof ServerEvent.Failure e) {
            LOG.warn("Server problem: {}", e.message());
        }
    }
}
