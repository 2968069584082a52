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
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.Logout;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.SetTopic;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.settings.AdminPreferences;

/**
 * Opens the real admin window with 60 users connected from 127.0.0.1 (long and non-Latin names, 20 rooms with long
 * names and topics, some chat, a refused name, a logout, two pending hosts; {@code -Ddemo.rooms=true} shows the
 * Rooms tab; {@code -Ddemo.waiting=true} turns the waiting room on, so that the users wait in Pending hosts;
 * {@code -Ddemo.audit=true} does some of the host's actions and shows the Audit tab), for
 * looking at it (screenshots, a manual check). Not a test.
 * Arguments: {@code [light|dark] [port] [users]}; the window starts the server at once.
 *
 * <pre>java -cp server-fx/target/natter-server.jar:server-fx/target/lib/*:server-fx/target/test-classes \
 *     org.natter.server.ui.AdminWindowDemo dark 8020</pre>
 */
public final class AdminWindowDemo {

    private static final String[] NAMES = {"alice", "bob", "Chandrasekhar_Subrahmanya", "dörte", "Александра_Константинова",
            "Ευαγγελία_Παπαδοπούλου", "محمد_عبدالله", "Łukasz_Wiśniewski", "Søren.Kierkegaard", "Ana-María_Hernández",
            "Nguyễn_Minh_Khai", "Zoë-Ångström", "Oluwaseun_Adebayo", "Η_Μαρία", "Jean-Baptiste_Poquelin", "Gülşen_Yılmaz",
            "Ђорђе_Петровић", "eve", "Priya_Raman", "Tomás.O_Súilleabháin", "王小明", "佐藤健太郎", "김민준", "李华"};

    /** 20 rooms, some with the longest names allowed. */
    private static final String[] ROOMS = {"maths", "Mathematics_Advanced_Group_2026", "physics", "chemistry_lab",
            "история", "Literature_and_Creative_Writing", "art", "music", "Computer_Science_Olympiad_Team", "biology",
            "football", "chess", "drama", "Exchange_Students_Welcome_Desk", "geography", "latin", "robotics",
            "yearbook", "debate", "photography"};

    private static final String[] TOPICS = {"Homework is due on Friday",
            "Past papers, worked solutions and a long topic that will not fit in its column at all, so it ends in …",
            "Bring your goggles", "Rehearsal on Thursday at 4"};

    private AdminWindowDemo() {
    }

    public static void main(String[] args) throws IOException {
        String theme = args.length > 0 ? args[0] : "light";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : ServerSettings.DEFAULT_PORT;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path dataDir = Files.createTempDirectory("natter-admin-demo");
        new AdminPreferences("Room 12 chat", "Welcome! Be kind.", UiTheme.parse(theme)).save(dataDir);
        ScheduledExecutorService clients = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-clients");
            thread.setDaemon(true);
            return thread;
        });
        List<RawClient> open = new ArrayList<>();
        clients.schedule(() -> connect(port, users, open, clients), 1, TimeUnit.SECONDS);
        // Every demo user comes from this machine: the per-address limits are raised as for a load test.
        ServerApp.run(ServerSettings.defaults().withPort(port).toBuilder()
                .addressLimits(org.natter.server.core.moderation.AddressLimits.generous())
                .waitingRoom(Boolean.getBoolean("demo.waiting")).build(), true, dataDir, false);
    }

    /** The i-th name: the list first, then the list again with a number, cut to the longest name allowed. */
    static String nameOf(int i) {
        String base = NAMES[i % NAMES.length];
        String name = i < NAMES.length ? base : base + "_" + (i / NAMES.length + 1);
        if (name.codePointCount(0, name.length()) <= ProtocolLimits.MAX_NAME_LENGTH) {
            return name;
        }
        String suffix = i < NAMES.length ? "" : "_" + (i / NAMES.length + 1);
        return base.substring(0, base.offsetByCodePoints(0, ProtocolLimits.MAX_NAME_LENGTH - suffix.length())) + suffix;
    }

    /** Some of the host's actions, for the Audit tab and the Rooms tab's rules; then the Audit tab is shown. */
    private static void operatorActions() {
        org.natter.server.core.ChatServer server = ServerApp.launchedServer();
        server.kick(nameOf(5), "please keep it friendly");
        server.ban(nameOf(6), java.time.Duration.ofHours(1), "=spam, and more spam");
        server.mute(nameOf(7), java.time.Duration.ofMinutes(10), "calm down");
        server.announce("Pizza in the hall at noon");
        server.setModerated(ROOMS[0], true);
        server.allowToWrite(ROOMS[0], nameOf(0), true);
        server.setSlowMode(ROOMS[1], java.time.Duration.ofSeconds(30));
        server.setWaitingRoom(true);
        Platform.runLater(() -> Window.getWindows().stream().map(w -> w.getScene().lookup("#sideTabs"))
                .filter(TabPane.class::isInstance).map(TabPane.class::cast).findFirst()
                .ifPresent(tabs -> tabs.getSelectionModel().select(3)));
    }

    private static void connect(int port, int users, List<RawClient> open, ScheduledExecutorService clients) {
        try {
            for (int i = 0; i < users; i++) {
                RawClient client = new RawClient(port);
                open.add(client);
                client.send(new Login(null, nameOf(i), 2));
            }
            RawClient taken = new RawClient(port);
            open.add(taken);
            taken.login(nameOf(1));
            open.add(new RawClient(port));
            String[] lines = {"hello everyone", "is the projector on?", "yes, slide 3", "спасибо!", "谢谢",
                    "a rather long message to see how the log copes with text that goes on and on past the edge of the window"};
            for (int i = 0; i < 12; i++) {
                open.get(i % users).say(lines[(i + i / users) % lines.length]);
            }
            for (int i = 0; i < users; i++) {
                open.get(i).send(new Join(null, ROOMS[i % ROOMS.length]));
                if (i < ROOMS.length && i % 3 == 0) {
                    open.get(i).send(new SetTopic(null, ROOMS[i], TOPICS[i / 3 % TOPICS.length]));
                }
            }
            for (int i = 0; i < 40; i++) {
                open.get(i % users).send(new Say(null, lines[i % lines.length], ROOMS[i % users % ROOMS.length], null));
            }
            open.get(3).send(new Logout(null));
            if (Boolean.getBoolean("demo.audit")) {
                operatorActions();
            }
            if (Boolean.getBoolean("demo.rooms")) {
                Platform.runLater(() -> Window.getWindows().stream().map(w -> w.getScene().lookup("#sideTabs"))
                        .filter(TabPane.class::isInstance).map(TabPane.class::cast).findFirst()
                        .ifPresent(tabs -> tabs.getSelectionModel().select(1)));
            }
        } catch (ConnectException e) {
            clients.schedule(() -> connect(port, users, open, clients), 1, TimeUnit.SECONDS);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(AdminWindowDemo.class).warn("Demo clients failed", e);
        }
    }
}
