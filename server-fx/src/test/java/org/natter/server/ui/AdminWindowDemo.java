package org.natter.server.ui;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.natter.common.fx.UiTheme;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.settings.AdminPreferences;

/**
 * Opens the real admin window with a few clients connected, for looking at it (screenshots, a manual check).
 * Not a test. Arguments: {@code [light|dark] [port]}; the window starts the server at once.
 *
 * <pre>java -cp server-fx/target/natter-server.jar:server-fx/target/lib/*:server-fx/target/test-classes \
 *     org.natter.server.ui.AdminWindowDemo dark 8020</pre>
 */
public final class AdminWindowDemo {

    private static final String[] NAMES = {"alice", "bob", "Chandrasekhar_Subrahmanya", "dörte", "eve"};

    private AdminWindowDemo() {
    }

    public static void main(String[] args) throws IOException {
        String theme = args.length > 0 ? args[0] : "light";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : ServerSettings.DEFAULT_PORT;
        Path dataDir = Files.createTempDirectory("natter-admin-demo");
        new AdminPreferences("Room 12 chat", "Welcome! Be kind.", UiTheme.parse(theme)).save(dataDir);
        ScheduledExecutorService clients = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-clients");
            thread.setDaemon(true);
            return thread;
        });
        List<RawClient> open = new ArrayList<>();
        clients.schedule(() -> connect(port, open, clients), 1, TimeUnit.SECONDS);
        ServerApp.run(ServerSettings.defaults().withPort(port), true, dataDir);
    }

    private static void connect(int port, List<RawClient> open, ScheduledExecutorService clients) {
        try {
            for (String name : NAMES) {
                RawClient client = new RawClient(port);
                open.add(client);
                client.login(name.substring(0, Math.min(24, name.length())));
            }
            open.add(new RawClient(port));
            open.add(new RawClient(port));
            String[] lines = {"hello everyone", "is the projector on?", "yes, slide 3", "thanks!",
                    "a rather long message to see how the log copes with text that goes on and on past the edge of the window"};
            for (int i = 0; i < 12; i++) {
                open.get(i % NAMES.length).say(lines[(i + i / NAMES.length) % lines.length]);
            }
        } catch (ConnectException e) {
            clients.schedule(() -> connect(port, open, clients), 1, TimeUnit.SECONDS);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(AdminWindowDemo.class).warn("Demo clients failed", e);
        }
    }
}
