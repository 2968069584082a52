package org.natter.server.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.natter.server.core.LocalAddresses;

/**
 * "Can others reach me?": the addresses users can type, and what could keep them out: a server bound to loopback,
 * a computer without a network address, a firewall. Runs commands and reads interfaces: never on the FX thread or
 * an event loop.
 */
public final class Reachability {

    /** One thing the operator should know, as a key of the admin window's bundle and its arguments. */
    public record Advice(boolean good, String key, List<String> args) {
        public Advice {
            args = List.copyOf(args);
        }
    }

    /** How long a firewall command may take before it counts as "no answer". */
    private static final long COMMAND_SECONDS = 3;

    private Reachability() {
    }

    /** What to tell an operator whose server listens on {@code bindAddress} and {@code port}. */
    public static List<Advice> check(String bindAddress, int port) {
        List<Advice> advice = new ArrayList<>();
        List<String> addresses = LocalAddresses.reachableAt(bindAddress, port);
        if (LocalAddresses.onlyThisComputer(bindAddress)) {
            advice.add(new Advice(false, "reach.loopback", List.of(bindAddress)));
            return advice;
        }
        if (addresses.stream().allMatch(a -> a.startsWith("localhost:"))) {
            advice.add(new Advice(false, "reach.noNetwork", List.of()));
            return advice;
        }
        advice.add(new Advice(true, "reach.addresses", List.of(String.join(", ", addresses))));
        advice.add(firewall(port));
        return advice;
    }

    private static Advice firewall(int port) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String portText = Integer.toString(port);
        if (os.contains("win")) {
            return new Advice(false, "reach.firewall.windows", List.of(portText));
        }
        if (os.contains("mac")) {
            return new Advice(false, "reach.firewall.mac", List.of(portText));
        }
        if (run("ufw", "status").toLowerCase(Locale.ROOT).contains("status: active")) {
            return new Advice(false, "reach.firewall.ufw", List.of(portText));
        }
        if (run("firewall-cmd", "--state").strip().equals("running")) {
            return new Advice(false, "reach.firewall.firewalld", List.of(portText));
        }
        return new Advice(true, "reach.firewall.none", List.of(portText));
    }

    /** The command's output, or empty when it is not installed, fails or takes too long. */
    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            try (InputStream out = process.getInputStream()) {
                return new String(out.readNBytes(8192), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
