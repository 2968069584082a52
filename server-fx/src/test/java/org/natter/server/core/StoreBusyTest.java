package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Say;

/**
 * When the history store cannot take a message (its queue is full), the sender hears {@code UNAVAILABLE} with a
 * sentence, nobody receives half a message, and the next message after the store caught up goes through.
 */
class StoreBusyTest {

    private final AtomicBoolean full = new AtomicBoolean();
    private final MemoryMessageStore memory = new MemoryMessageStore();
    private final ChatServer server = new ChatServer(ServerSettings.defaults().withPort(0), fullableStore());
    private final int port = server.start(0);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMessageTheStoreCannotTakeIsRefusedWithUnavailableAndNotDelivered() throws Exception {
        try (RawClient ada = new RawClient(port); RawClient bob = new RawClient(port)) {
            ada.login("ada");
            ada.next(LoginOk.class);
            bob.login("bob");
            bob.next(LoginOk.class);

            full.set(true);
            ada.send(new Say("s1", "lost?"));
            ErrorReply refused = ada.next(ErrorReply.class);

            assertThat(refused.re()).isEqualTo("s1");
            assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(refused.message()).contains("yours was not sent");

            full.set(false);
            ada.send(new Say("s2", "second try"));
            Message delivered = bob.next(Message.class);
            assertThat(delivered.text()).as("the refused message never reached bob").isEqualTo("second try");
            assertThat(ada.next(Message.class).re()).isEqualTo("s2");
        }
    }

    /**
     * The in-memory store, except that it refuses appends while {@link #full} is set, as a full writer queue does.
     * A proxy, so the test keeps compiling when the store interface grows.
     */
    private MessageStore fullableStore() {
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(), new Class<?>[] {MessageStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("append") && full.get()) {
                        return false;
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
