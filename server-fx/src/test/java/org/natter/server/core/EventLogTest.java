package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Welcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The log file is the operator's record: what a client sends must not be able to write lines into it. */
class EventLogTest {

    private final Logger log = (Logger) LoggerFactory.getLogger("org.natter.server.events");
    private final BlockingQueue<String> logged = new LinkedBlockingQueue<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            logged.add(event.getFormattedMessage());
        }
    };
    private final ChatServer server = new ChatServer(ServerSettings.defaults());
    private Level levelBefore;
    private boolean additiveBefore;

    @BeforeEach
    void captureTheEventLog() {
        levelBefore = log.getLevel();
        additiveBefore = log.isAdditive();
        appender.setContext(log.getLoggerContext());
        appender.start();
        log.addAppender(appender);
        log.setLevel(Level.INFO);
        log.setAdditive(false);
    }

    @AfterEach
    void restore() {
        server.close();
        log.detachAppender(appender);
        log.setLevel(levelBefore);
        log.setAdditive(additiveBefore);
    }

    @Test
    void anUnknownFrameTypeIsLoggedOnOneLineWithItsControlsShown() throws Exception {
        int port = server.start(0);
        try (RawClient client = new RawClient(port)) {
            assertThat(client.next()).isInstanceOf(Welcome.class);
            client.sendRaw("{\"type\":\"x\\n09:15 INFO stop\\u001b[2J\"}\n");
            assertThat(client.next(ErrorReply.class).code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
        }
        String refused = awaitLogged("Refused a request");
        assertThat(refused)
                .doesNotContain("\n", "\u001b")
                .contains("x\\n09:15 INFO stop\\u001b[2J");
    }

    private String awaitLogged(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + RawClient.WAIT.toNanos();
        for (String line; (line = logged.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (line.contains(fragment)) {
                return line;
            }
        }
        throw new AssertionError("Nothing containing \"" + fragment + "\" was logged within " + RawClient.WAIT.toSeconds() + " s");
    }
}
