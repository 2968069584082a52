package org.natter.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client's JVM settings (src-assets/launcher/client-java-options, read by ./natter, natter.cmd and the
 * packager) must start a JVM: a misspelt flag or two collectors at once would stop the window from opening.
 */
class ClientJavaOptionsTest {

    private static final Path OPTIONS = Path.of("..", "src-assets", "launcher", "client-java-options");

    @Test
    void thisJavaStartsWithTheClientsOptions() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options());
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("error");
    }

    @Test
    void theFileNamesACollectorAndABound() throws Exception {
        // The launcher's settings are the point of the file; an empty one would leave the JVM's defaults.
        assertThat(options()).anyMatch(option -> option.matches("-XX:\\+Use\\w+GC")).anyMatch(option -> option.startsWith("-Xmx"));
    }

    private static List<String> options() throws Exception {
        return Files.readAllLines(OPTIONS).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
