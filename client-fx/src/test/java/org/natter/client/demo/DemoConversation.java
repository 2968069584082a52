package org.natter.client.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.natter.client.ClientMain;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ServerAddress;
import org.natter.client.prefs.ClientPreferences;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;

/**
 * A conversation to look at (and to take the screenshots in docs/ from): starts a server with 22 rooms (long names
 * among them), opens the window logged in as "anna" with 19 of them remembered from "last time" (so the window joins
 * them after the login), and has a few scripted users talk in general, in other rooms and directly to anna. Run with {@code -Djava.util.prefs.userRoot=/tmp/somewhere} so the
 * theme choice does not touch your own preferences.
 *
 * <pre>java -cp ... org.natter.client.demo.DemoConversation light|dark PORT [kick|restart]</pre>
 */
public final class DemoConversation {

    private DemoConversation() {
    }

    public static void main(String[] args) throws Exception {
        boolean dark = args.length > 0 && args[0].equals("dark");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8020;
        ClientPreferences preferences = ClientPreferences.forUser();
        preferences.setDarkTheme(dark);
        ChatServer server = new ChatServer(ServerSettings.defaults().withPort(port)
                .withInfo("Class 7B", "Welcome to the class chat. Be kind.").toBuilder()
                .addressLimits(org.natter.server.core.moderation.AddressLimits.generous()).build());
        server.start(port);
        for (String room : ROOMS) {
            server.createRoom(room, room.equals("maths") ? "Fractions and decimals — exercise sheet 7 is due on Friday" : null);
        }
        server.createRoom("chess-club", "Tuesdays after school");
        server.createRoom("lost-and-found", null);
        preferences.setOpenRooms("127.0.0.1:" + port, ROOMS);
        preferences.saved().get(10, TimeUnit.SECONDS);
        String then = args.length > 2 ? args[2] : "";
        Thread script = new Thread(() -> {
            talk(server, port);
            afterwards(server, port, then);
        }, "demo-script");
        script.setDaemon(true);
        script.start();
        ClientMain.main(new String[] {"--server", "127.0.0.1:" + port, "--name", "anna", "--connect"});
    }

    private static void talk(ChatServer server, int port) {
        ServerAddress address = new ServerAddress("127.0.0.1", port);
        crowdAddress = address;
        try {
            ChatConnection maria = login(address, "maria");
            ChatConnection jonas = login(address, "Jonas_from_the_back_row");
            ChatConnection li = login(address, "li");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.users().stream().noneMatch(u -> u.name().equals("anna")) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            for (Runnable line : List.<Runnable>of(
                    () -> jonas.send("Morning. Quick question about the exercise: do we have to handle the case where the server "
                            + "restarts while someone is typing, or is it enough that the client reconnects and logs in again "
                            + "under the same name? The spec reads a bit ambiguous to me."),
                    DemoConversation::classArrives,
                    () -> maria.send("Good morning! Slides for today are at https://example.org/slides/week-7 (text only, no preview)"),
                    () -> maria.send("And the exercise sheet is in the same folder."),
                    () -> li.send("@anna did you push the fix for the login timeout?"),
                    () -> crowd.get(0).send("Jeg har et spørsmål om oppgave 3 også."),
                    () -> server.announce("Lab closes at 18:00 today."),
                    () -> maria.send("Reconnecting with backoff and jitter is enough, I think."),
                    () -> roomTalk(maria, "maths", "Is 0.333… the same as 1/3? Asking for a friend."),
                    () -> roomTalk(li, "maths", "@anna you explained that yesterday, right?"),
                    () -> roomTalk(jonas, "the_long_room_name_for_projects", "Group 4: the poster is printed."),
                    () -> li.sayTo("anna", "Can you look at my pull request before lunch?"),
                    () -> jonas.sayTo("anna", "thanks for the notes!"))) {
                line.run();
                TimeUnit.MILLISECONDS.sleep(400);
            }
            ChatConnection tom = login(address, "tom");
            TimeUnit.MILLISECONDS.sleep(300);
            tom.send("hi all, just lurking");
            TimeUnit.MILLISECONDS.sleep(300);
            tom.logout();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void roomTalk(ChatConnection who, String room, String text) {
        try {
            if (who.openRooms().stream().noneMatch(room::equals)) {
                who.join(room).get(10, TimeUnit.SECONDS);
            }
            who.say(room, text).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 19 rooms besides general: one user may be in 20. */
    private static final List<String> ROOMS = List.of("maths", "english", "physics", "biology", "history", "art",
            "music", "football", "homework-help", "the_long_room_name_for_projects", "Ελληνικά", "日本語の部屋",
            "year7-trip-to-the-science-museum", "robotics", "drama", "debate", "library", "exam.revision",
            "photography");

    /** "kick": the admin removes anna; "restart": the server goes away for a while and comes back. */
    private static void afterwards(ChatServer server, int port, String what) {
        try {
            TimeUnit.SECONDS.sleep(8);
            if (what.equals("kick")) {
                server.kick("anna", "Please keep the chat on topic.");
            } else if (what.equals("restart")) {
                server.stop();
                TimeUnit.SECONDS.sleep(10);
                server.start(port);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ChatConnection login(ServerAddress address, String name) throws Exception {
        return login(address, name, 100);
    }

    private static ChatConnection login(ServerAddress address, String name, long pauseMillis) throws Exception {
        ChatConnection connection = new ChatConnection();
        connection.connect(address, name).get(10, TimeUnit.SECONDS);
        TimeUnit.MILLISECONDS.sleep(Duration.ofMillis(pauseMillis).toMillis());
        return connection;
    }

    private static final List<ChatConnection> crowd = new java.util.ArrayList<>();
    private static ServerAddress crowdAddress;

    /** A class arriving: one collapsed line, and a long user list with long and non-Latin names. */
    private static void classArrives() {
        try {
            for (String name : CROWD) {
                crowd.add(login(crowdAddress, name, 0));
            }
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Long, accented and non-Latin names, to see the sorting, the ellipsis and the tooltips. */
    private static final List<String> CROWD = crowd();

    private static List<String> crowd() {
        List<String> names = new java.util.ArrayList<>(List.of("Øystein_Håkonsen", "Þórður", "Łukasz.Wiśniewski", "王小明",
                "Дмитрий_Иванов", "Αλέξανδρος", "Émile-Zola", "Zoë", "Ærøskøbing_fan", "Straße_42",
                "a_very_long_nickname_24c", "Şükrü", "Nguyễn_Văn_An", "Ångström", "Ćwik"));
        for (int i = 1; names.size() < 56; i++) {
            names.add("pupil" + i);
        }
        return List.copyOf(names);
    }
}
