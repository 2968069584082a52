package org.natter.client;

import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.natter.client.cli.ServerList;
import org.natter.client.cli.TerminalChat;
import org.natter.client.prefs.PinFile;

/**
 * Starts the client: the window, or with {@code --cli} a chat in the terminal. Deliberately not a JavaFX
 * {@code Application}, so that the app starts with JavaFX on the class path, and so that terminal mode never loads
 * a JavaFX class (the window is started through {@link WindowLauncher}, which is only loaded in window mode).
 */
public final class ClientMain {

    private ClientMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** 0 when all went well, 1 when the terminal chat could not connect or no server was found, 2 for a bad command line. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ClientOptions options;
        try {
            options = ClientOptions.parse(List.of(args));
        } catch (ClientOptions.UsageException e) {
            err.println("natter client: " + e.getMessage());
            err.println("Try \"natter client --help\".");
            return 2;
        }
        return switch (options.mode()) {
            case HELP -> {
                out.print(ClientOptions.USAGE);
                yield 0;
            }
            case TERMINAL -> options.plain()
                    ? TerminalChat.run(options.server(), options.name(),
                            new InputStreamReader(System.in, StandardCharsets.UTF_8), out, err)
                    : TerminalChat.runEncrypted(options.server(), options.name(), options.trust(), PinFile.forUser(),
                            new InputStreamReader(System.in, StandardCharsets.UTF_8), out, err);
            case LIST_SERVERS -> ServerList.run(options.listFor(), options.listOn(), out, err);
            case WINDOW -> {
                WindowLauncher.launch(args);
                yield 0;
            }
        };
    }
}
