import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Gives an app image a class-data-sharing archive of the Java and JavaFX classes its window needs to start, so
 * that a start maps them ready-made from one file instead of reading, checking and linking each of them. Run by
 * {@code Package.java} for each image it makes, with the JDK's single-file source launcher:
 * {@code java StartArchive.java WORK LAUNCHER RUNTIME APPDIR [APP ARGUMENTS...]}.
 * <ol>
 *   <li>A training run: the image's own launcher starts the app (with the app arguments, in a scratch home
 *       folder) and the JVM lists every class it loads ({@code -XX:DumpLoadedClassList}); the app ends itself once
 *       its first window is on screen ({@code NATTER_START_REPORT=exit}). On Linux the window opens in a private
 *       virtual display (Xvfb) when there is one, else on the desktop; with neither the image gets no archive.</li>
 *   <li>The list is cut down to the classes of the image's own runtime ({@code RUNTIME}, the linked JDK and
 *       JavaFX modules). Java 17 accepts an archive with class-path classes (the app's jars) only at the exact
 *       folder it was made in, and the image is moved and unpacked elsewhere; classes of the runtime image may
 *       move with it.</li>
 *   <li>The launcher, with {@code -Xshare:dump}, writes the archive where the JVM looks for its default one
 *       ({@code lib/server/classes.jsa}, {@code bin\server} on Windows): every start of the image uses it without an
 *       option, the terminal client and the headless server too.</li>
 *   <li>A check: the launcher starts with {@code -Xshare:on}, which fails if the archive cannot be used.</li>
 *   <li>A second layer with the app's own classes ({@link #appArchive}), for the image where it was made.</li>
 * </ol>
 * Exit status 0 with an archive, 3 when there was no display for the training run, 1 when a step failed (the
 * image is then left without an archive: it works, only starts slower).
 */
public final class StartArchive {

    static final long TRAINING_SECONDS = 120;
    static final long STEP_SECONDS = 120;

    final Path work;
    final Path launcher;
    final Path runtime;
    final Path appDir;
    final List<String> appArgs;
    final boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    final boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");

    StartArchive(Path work, Path launcher, Path runtime, Path appDir, List<String> appArgs) {
        this.work = work;
        this.launcher = launcher;
        this.runtime = runtime;
        this.appDir = appDir;
        this.appArgs = appArgs;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java StartArchive.java WORK LAUNCHER RUNTIME APPDIR [APP ARGUMENTS...]");
            System.exit(2);
        }
        StartArchive archive = new StartArchive(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(),
                Path.of(args[2]).toAbsolutePath(), Path.of(args[3]).toAbsolutePath(), List.of(args).subList(4, args.length));
        try {
            archive.make();
        } catch (NoDisplay e) {
            System.err.println("natter package: " + e.getMessage());
            System.exit(3);
        } catch (StepFailed e) {
            System.err.println("natter package: " + e.getMessage());
            Files.deleteIfExists(archive.archiveFile());
            Files.deleteIfExists(archive.appArchiveFile());
            System.exit(1);
        }
    }

    Path archiveFile() {
        return runtime.resolve(windows ? "bin" : "lib").resolve("server").resolve("classes.jsa");
    }

    void make() throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path home = Files.createDirectories(work.resolve("home"));
        Path loaded = work.resolve("loaded.classlist");
        Path kept = work.resolve("runtime.classlist");
        Files.deleteIfExists(archiveFile());
        Files.deleteIfExists(appArchiveFile());
        try (Display display = Display.open(linux, work)) {
            train("-XX:DumpLoadedClassList=" + loaded, home, display, "training.log");
            if (!Files.isRegularFile(loaded)) {
                throw new StepFailed("the training run listed no classes; see " + work.resolve("training.log"));
            }
            int count = keepRuntimeClasses(loaded, kept);
            run("writing the archive", List.of(launcher.toString()),
                    environment(home, "-Xshare:dump -XX:SharedClassListFile=" + kept + " -XX:SharedArchiveFile=" + archiveFile()),
                    STEP_SECONDS, work.resolve("dump.log"));
            if (!Files.isRegularFile(archiveFile())) {
                throw new StepFailed("no archive was written; see " + work.resolve("dump.log"));
            }
            // --help starts the JVM and ends at once; -Xshare:on makes an archive it cannot use an error.
            run("checking the archive", List.of(launcher.toString(), "--help"), environment(home, "-Xshare:on"),
                    STEP_SECONDS, work.resolve("check.log"));
            System.out.printf(Locale.ROOT, "natter package: start-up archive of %d classes (%d MB)%n", count,
                    megabytes(archiveFile()));
            appArchive(home, display);
        }
    }

    /**
     * The second layer, the app's own classes, written at the exit of a second training run on top of the first
     * archive. Java 17 uses it only while the image stays where it was made (dist/, and the menu entries of
     * natter install-desktop start it there); moved or unpacked elsewhere, the JVM skips it, quietly, and uses the
     * first layer alone. Optional: when it fails, the image keeps the first layer.
     */
    void appArchive(Path home, Display display) throws IOException, InterruptedException {
        try {
            train("-XX:ArchiveClassesAtExit=" + appArchiveFile(), home, display, "training-app.log");
        } catch (StepFailed e) {
            System.err.println("natter package: no archive of the app's own classes: " + e.getMessage());
            return;
        }
        if (!Files.isRegularFile(appArchiveFile())) {
            System.err.println("natter package: no archive of the app's own classes; see " + work.resolve("training-app.log"));
            return;
        }
        Path cfg = appDir.resolve(launcherName() + ".cfg");
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        int options = lines.indexOf("[JavaOptions]");
        if (options < 0) {
            Files.delete(appArchiveFile());
            System.err.println("natter package: no [JavaOptions] in " + cfg + "; the app's own classes are not archived");
            return;
        }
        // $APPDIR: the launcher puts in the image's folder. The log option keeps a moved image from saying at each
        // start that it cannot use this layer.
        lines.addAll(options + 1, List.of("java-options=-XX:SharedArchiveFile=$APPDIR/" + appArchiveFile().getFileName(),
                "java-options=-Xlog:cds+dynamic=off"));
        Files.write(cfg, lines);
        System.out.printf(Locale.ROOT, "natter package: archive of the app's own classes (%d MB)%n",
                megabytes(appArchiveFile()));
    }

    /** Starts the app through its launcher with these JVM options; it ends itself once its window is up. */
    void train(String jvmOptions, Path home, Display display, String log) throws IOException, InterruptedException {
        Map<String, String> env = environment(home, jvmOptions);
        env.put("NATTER_START_REPORT", "exit");
        display.name().ifPresent(name -> env.put("DISPLAY", name));
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(appArgs);
        run("the training run", command, env, TRAINING_SECONDS, work.resolve(log));
    }

    Path appArchiveFile() {
        return appDir.resolve("app-classes.jsa");
    }

    String launcherName() {
        String name = launcher.getFileName().toString();
        return name.endsWith(".exe") ? name.substring(0, name.length() - ".exe".length()) : name;
    }

    static long megabytes(Path file) throws IOException {
        return Math.round(Files.size(file) / (1024.0 * 1024.0));
    }

    /**
     * This environment minus anything that would change the JVM's options, plus a scratch home folder (user.home
     * too: Java takes it from the password file, not from HOME) and the given JVM options.
     */
    Map<String, String> environment(Path home, String jvmOptions) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.keySet().removeAll(Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "NATTER_START_REPORT"));
        env.put("HOME", home.toString());
        env.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home + " " + jvmOptions);
        return env;
    }

    /** Writes the lines of {@code loaded} that name a class of the runtime image to {@code kept}; returns how many. */
    int keepRuntimeClasses(Path loaded, Path kept) throws IOException {
        Set<String> inRuntime = runtimeClasses();
        List<String> lines = new ArrayList<>();
        int classes = 0;
        for (String line : Files.readAllLines(loaded)) {
            String[] words = line.split(" ");
            if (line.startsWith("#") || words.length == 0) {
                continue;
            }
            if (words[0].equals("@lambda-form-invoker")) {
                lines.add(line); // java.base's own method-handle forms
            } else if (words[0].equals("@lambda-proxy")) {
                if (words.length > 1 && inRuntime.contains(words[1])) {
                    lines.add(line); // a lambda whose caller is in the archive too
                }
            } else if (inRuntime.contains(words[0])) {
                lines.add(line);
                classes++;
            }
        }
        Files.write(kept, lines);
        return classes;
    }

    /** The names (a/b/C) of every class in the runtime image's modules, read through its own jrt file system. */
    Set<String> runtimeClasses() throws IOException {
        Set<String> names = new HashSet<>();
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", runtime.toString()));
             Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            for (Path module : modules.toList()) {
                try (Stream<Path> files = Files.walk(module)) {
                    files.map(file -> module.relativize(file).toString())
                            .filter(name -> name.endsWith(".class"))
                            .forEach(name -> names.add(name.substring(0, name.length() - ".class".length())));
                }
            }
        }
        return names;
    }

    static void run(String step, List<String> command, Map<String, String> env, long seconds, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new StepFailed(step + " did not end within " + seconds + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new StepFailed(step + " failed (exit " + process.exitValue() + "); see " + log);
        }
    }

    /** Where the training run's window opens: a private Xvfb display on Linux when there is one. */
    record Display(Process xvfb, java.util.Optional<String> name) implements AutoCloseable {

        static Display open(boolean linux, Path work) throws IOException, InterruptedException {
            if (!linux) {
                return new Display(null, java.util.Optional.empty()); // Windows and macOS: the desktop
            }
            Path xvfb = onPath("Xvfb");
            String desktop = System.getenv("DISPLAY");
            if (xvfb == null) {
                if (desktop == null || desktop.isBlank()) {
                    throw new NoDisplay("no start-up archive: its training run needs a display (install Xvfb, or run"
                            + " 'natter package' on a desktop); the apps work without it, only start slower.");
                }
                return new Display(null, java.util.Optional.of(desktop));
            }
            for (int n = 90; n <= 140; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process process = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1280x800x24",
                        "-nolisten", "tcp").redirectErrorStream(true)
                        .redirectOutput(work.resolve("xvfb.log").toFile()).start();
                for (int i = 0; i < 100 && process.isAlive(); i++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                        return new Display(process, java.util.Optional.of(":" + n));
                    }
                    Thread.sleep(50); // Xvfb says nothing when it is ready; its socket appearing is the sign
                }
                process.destroyForcibly();
            }
            throw new StepFailed("Xvfb did not start a display; see " + work.resolve("xvfb.log"));
        }

        static Path onPath(String program) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, program);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        @Override
        public void close() throws InterruptedException {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    static class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message);
        }
    }

    static final class NoDisplay extends StepFailed {
        private static final long serialVersionUID = 1L;

        NoDisplay(String message) {
            super(message);
        }
    }
}
