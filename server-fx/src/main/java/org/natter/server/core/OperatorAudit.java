package org.natter.server.core;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.natter.server.core.moderation.AuditAction;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.core.moderation.AuditSource;

/**
 * Writes the operator's actions to the audit trail in the store. Called on the operator's thread (the admin window's
 * background executor, the console's reader); the store only queues the entry, its writer thread writes it, so no
 * event loop and no FX thread ever waits for the disk.
 */
final class OperatorAudit {

    private final MessageStore store;
    private final Clock clock;
    private volatile AuditSource source = AuditSource.PROGRAM;

    OperatorAudit(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void setSource(AuditSource newSource) {
        source = newSource;
    }

    void record(AuditAction action, String target, String reason) {
        store.audit(new AuditEntry(clock.instant(), action, target, reason, source));
    }

    /** Records the action when it happened ({@code done}); returns {@code done}. */
    boolean recordIf(boolean done, AuditAction action, String target, String reason) {
        if (done) {
            record(action, target, reason);
        }
        return done;
    }

    CompletableFuture<List<AuditEntry>> latest(int limit) {
        return store.auditTrail(limit);
    }
}
