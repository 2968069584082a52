import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes a self-contained app image of Natter Server and of Natter (the client) for the platform it runs on, and a
 * portable archive of each, in {@code dist/}. Run by {@code natter package} / {@code natter.cmd package} after the
 * Maven build, with the JDK's single-file source launcher: {@code java src-assets/packaging/Package.java ROOT}.
 *
 * <p>One Java program instead of a shell script per platform, so Linux, Windows and macOS take the same steps. It
 * drives the JDK's own {@code jdeps}, {@code jlink} and {@code jpackage} through {@link ToolProvider}:
 * <ol>
 *   <li>{@code jdeps} lists the JDK modules the apps and their libraries use;</li>
 *   <li>{@code jlink} links those plus JavaFX into one trimmed runtime. JavaFX's jmods are not on Maven Central, but
 *       its platform jars from {@code target/lib} are modular jars, which jlink accepts. Their native libraries are
 *       moved out of the module image into the runtime's library folder, where JavaFX finds them first, so nothing
 *       is unpacked into the user's home at start;</li>
 *   <li>{@code jpackage} wraps each app (its jar and the non-JavaFX jars on the class path) with that runtime, its
 *       icon and the JVM options of {@code src-assets/launcher/java-options} and {@code <app>-java-options};</li>
 *   <li>{@code StartArchive.java} starts each image once to record the classes its window needs and puts a
 *       class-data-sharing archive of them into the image's runtime, which makes every later start faster.</li>
 * </ol>
 */
public final class Package {

    /** One app: its image id (Linux names and archives), display name (Windows, macOS), module and entry point. */
    record App(String id, String displayName, String module, String jar, String mainClass, String description,
               String macId) {
    }

    static final List<App> APPS = List.of(
            new App("natter-server", "Natter Server", "server-fx", "natter-server.jar", "org.natter.server.ServerMain",
                    "Natter chat server with its admin window", "org.natter.server"),
            new App("natter", "Natter", "client-fx", "natter-client.jar", "org.natter.client.ClientMain",
                    "Natter chat", "org.natter.client"));

    /** Modules the apps need that jdeps cannot see: JavaFX is loaded by name, FXML's script support by reflection. */
    static final List<String> ALWAYS = List.of("javafx.controls", "javafx.fxml", "jdk.unsupported");

    enum Os { LINUX, MAC, WINDOWS }

    final Path root;
    final Path work;
    final Path dist;
    final Os os = detectOs();
    final String arch = System.getProperty("os.arch").matches("amd64|x86_64") ? "x64" : System.getProperty("os.arch");
    final String version;

    Package(Path root) throws IOException {
        this.root = root;
        this.work = root.resolve("target/package");
        this.dist = root.resolve("dist");
        this.version = projectVersion(Files.readString(root.resolve("pom.xml")));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        try {
            new Package(root).run();
        } catch (PackagingException e) {
            System.err.println("natter package: " + e.getMessage());
            System.exit(1);
        }
    }

    void run() throws IOException {
        List<App> apps = new ArrayList<>();
        for (App app : APPS) {
            Path jar = root.resolve(app.module()).resolve("target").resolve(app.jar());
            if (!Files.isRegularFile(jar)) {
                throw new PackagingException(jar + " is missing; build first (./natter build).");
            }
            if (hasClass(jar, app.mainClass())) {
                apps.add(app);
            } else {
                say("skipping " + app.displayName() + ": " + app.mainClass() + " is not in this build yet");
            }
        }
        if (apps.isEmpty()) {
            throw new PackagingException("nothing to package.");
        }
        deleteTree(work);
        Files.createDirectories(dist);

        List<Path> fxJars = javafxJars(apps);
        Path runtime = linkRuntime(apps, fxJars);
        for (App app : apps) {
            Path image = packageApp(app, runtime);
            Path target = dist.resolve(image.getFileName());
            deleteTree(target);
            // A move keeps the image as jpackage made it, symbolic links of a macOS bundle included.
            Files.move(image, target);
            startArchive(app, target);
            Path archive = archive(target);
            say(String.format(Locale.ROOT, "%s: %s (%d MB), %s (%d MB)", app.displayName(), root.relativize(target),
                    megabytes(size(target)), root.relativize(archive), megabytes(Files.size(archive))));
        }
    }

    /** The platform jars of JavaFX: the {@code javafx-*} jars in target/lib that carry a module descriptor. */
    List<Path> javafxJars(List<App> apps) throws IOException {
        Set<Path> byName = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (App app : apps) {
            for (Path jar : libJars(app)) {
                String name = jar.getFileName().toString();
                if (name.startsWith("javafx-") && hasEntry(jar, "module-info.class") && seen.add(name)) {
                    byName.add(jar);
                }
            }
        }
        if (byName.isEmpty()) {
            throw new PackagingException("no JavaFX platform jars in target/lib; run ./natter build.");
        }
        return List.copyOf(byName);
    }

    Path linkRuntime(List<App> apps, List<Path> fxJars) throws IOException {
        Set<String> modules = new TreeSet<>(ALWAYS);
        // The elliptic-curve provider (the server's ECDSA key, TLS key exchange) is found as a security provider,
        // not by a class reference, so jdeps misses it; from Java 22 it lives in java.base and the module is gone
        // or empty.
        if (java.lang.module.ModuleFinder.ofSystem().find("jdk.crypto.ec").isPresent()) {
            modules.add("jdk.crypto.ec");
        }
        for (App app : apps) {
            modules.addAll(jdepsModules(app, fxJars));
        }
        say("linking a runtime with " + String.join(",", modules));
        Path runtime = work.resolve("runtime");
        List<String> modulePath = new ArrayList<>();
        // JDKs from 24 on may link from their own run-time image and ship no jmods.
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (Files.isDirectory(jmods)) {
            modulePath.add(jmods.toString());
        }
        fxJars.forEach(jar -> modulePath.add(jar.toString()));
        boolean newCompress = Runtime.version().feature() >= 21;
        tool("jlink",
                "--module-path", String.join(java.io.File.pathSeparator, modulePath),
                "--add-modules", String.join(",", modules),
                "--exclude-resources", "regex:/javafx\\.[a-z]+/[^/]+\\.(so|dylib|dll|jar)",
                "--strip-debug", "--no-header-files", "--no-man-pages", "--strip-native-commands",
                "--compress", newCompress ? "zip-6" : "2",
                "--output", runtime.toString());
        Path nativeDir = runtime.resolve(os == Os.WINDOWS ? "bin" : "lib");
        Files.createDirectories(nativeDir);
        for (Path jar : fxJars) {
            extractNativeLibraries(jar, nativeDir);
        }
        return runtime;
    }

    Set<String> jdepsModules(App app, List<Path> fxJars) throws IOException {
        List<String> classPath = new ArrayList<>();
        for (Path jar : libJars(app)) {
            if (!jar.getFileName().toString().startsWith("javafx-")) {
                classPath.add(jar.toString());
            }
        }
        List<String> args = new ArrayList<>(List.of(
                "--multi-release", Integer.toString(Runtime.version().feature()),
                "--ignore-missing-deps", "--print-module-deps",
                "--module-path", join(fxJars),
                "--class-path", String.join(java.io.File.pathSeparator, classPath)));
        args.add(appJar(app).toString());
        for (String jar : classPath) {
            // jdeps reads a modular jar given to analyse as a module, and fails on one compiled for a newer Java
            // (atlantafx-base 2.1.0 is built for 21; the apps use only its stylesheets). On the class path it is fine.
            if (moduleDescriptorFits(Path.of(jar))) {
                args.add(jar);
            }
        }
        String out = tool("jdeps", args.toArray(String[]::new)).strip();
        String last = out.lines().reduce((a, b) -> b).orElse("");
        Set<String> modules = new TreeSet<>();
        for (String module : last.split(",")) {
            if (module.matches("[a-z][a-z0-9_.]*")) {
                modules.add(module);
            }
        }
        if (modules.isEmpty()) {
            throw new PackagingException("jdeps found no modules for " + app.displayName() + ":\n" + out);
        }
        return modules;
    }

    Path packageApp(App app, Path runtime) throws IOException {
        Path input = work.resolve("input").resolve(app.id());
        Files.createDirectories(input);
        Files.copy(appJar(app), input.resolve(app.jar()));
        for (Path jar : libJars(app)) {
            if (!jar.getFileName().toString().startsWith("javafx-")) {
                copyUnsigned(jar, input.resolve(jar.getFileName()));
            }
        }
        String name = os == Os.LINUX ? app.id() : app.displayName();
        Path icons = root.resolve("src-assets/icons");
        Path icon = switch (os) {
            case LINUX -> icons.resolve("png").resolve(app.id() + "-256.png");
            case MAC -> icons.resolve(app.id() + ".icns");
            case WINDOWS -> icons.resolve(app.id() + ".ico");
        };
        Path images = work.resolve("images");
        List<String> args = new ArrayList<>(List.of(
                "--type", "app-image",
                "--dest", images.toString(),
                "--name", name,
                "--input", input.toString(),
                "--main-jar", app.jar(),
                "--main-class", app.mainClass(),
                "--runtime-image", runtime.toString(),
                "--icon", icon.toString(),
                "--vendor", "Natter",
                "--description", app.description()));
        // macOS wants a version whose first number is at least 1; it falls back to 1.0 without one.
        if (os != Os.MAC || !version.startsWith("0")) {
            args.addAll(List.of("--app-version", version));
        }
        for (String option : javaOptions(app)) {
            args.addAll(List.of("--java-options", option));
        }
        if (os == Os.MAC) {
            args.addAll(List.of("--mac-package-identifier", app.macId(), "--mac-package-name", app.displayName()));
        }
        if (os == Os.WINDOWS && app.id().equals("natter-server")) {
            // The GUI launcher has no console; this second one runs the server in a console window.
            Path properties = work.resolve("server-console.properties");
            Files.writeString(properties, "arguments=--headless\nwin-console=true\n");
            args.addAll(List.of("--add-launcher", "Natter Server Console=" + properties));
        }
        say("packaging " + app.displayName());
        tool("jpackage", args.toArray(String[]::new));
        Path image = images.resolve(os == Os.MAC ? name + ".app" : name);
        if (!Files.isDirectory(image)) {
            throw new PackagingException("jpackage made no " + image);
        }
        return image;
    }

    /**
     * Gives the image a class-data-sharing archive of the classes its start needs, made by a training run of the
     * image itself ({@code StartArchive.java}, beside this file, in a JVM of its own; docs/PERFORMANCE.md says what it
     * gains). Without a display for the training run, or when a step fails, the image stays without one: it works,
     * only starts slower, and the packager says so.
     */
    void startArchive(App app, Path image) throws IOException {
        Path runtime = switch (os) {
            case LINUX -> image.resolve("lib/runtime");
            case MAC -> image.resolve("Contents/runtime/Contents/Home");
            case WINDOWS -> image.resolve("runtime");
        };
        Path launcher = switch (os) {
            case LINUX -> image.resolve("bin").resolve(app.id());
            case MAC -> image.resolve("Contents/MacOS").resolve(app.displayName());
            case WINDOWS -> image.resolve(app.displayName() + ".exe");
        };
        Path appDir = switch (os) {
            case LINUX -> image.resolve("lib/app");
            case MAC -> image.resolve("Contents/app");
            case WINDOWS -> image.resolve("app");
        };
        Path training = work.resolve("start-archive").resolve(app.id());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", os == Os.WINDOWS ? "java.exe" : "java").toString(),
                root.resolve("src-assets/packaging/StartArchive.java").toString(),
                training.toString(), launcher.toString(), runtime.toString(), appDir.toString()));
        if (app.id().equals("natter-server")) {
            // The admin window of a server that is not started, with its data in the scratch folder.
            command.addAll(List.of("--port", "0", "--no-announce", "--data-dir", training.resolve("data").toString()));
        }
        say("training " + app.displayName() + " for its start-up archive");
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            int status = process.waitFor();
            if (status != 0 && status != 3) {
                say("warning: " + app.displayName() + " has no start-up archive (see above); it starts slower.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackagingException("interrupted");
        }
    }

    /**
     * The options both launchers use, then the app's own heap and collector settings, minus a module path: JavaFX
     * is part of the linked runtime.
     */
    List<String> javaOptions(App app) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(root.resolve("src-assets/launcher/java-options")));
        String own = app.module().replace("-fx", "") + "-java-options";
        lines.addAll(Files.readAllLines(root.resolve("src-assets/launcher").resolve(own)));
        List<String> options = new ArrayList<>();
        for (String line : lines) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#") && !option.startsWith("--module-path")) {
                options.add(option);
            }
        }
        return options;
    }

    /** tar.gz on Linux and macOS (keeps the launcher executable), zip on Windows. */
    Path archive(Path image) throws IOException {
        String osName = switch (os) {
            case LINUX -> "linux";
            case MAC -> "macos";
            case WINDOWS -> "windows";
        };
        String id = image.getFileName().toString().replace(".app", "").toLowerCase(Locale.ROOT).replace(' ', '-');
        String base = id + "-" + version + "-" + osName + "-" + arch;
        if (os == Os.WINDOWS) {
            Path zip = dist.resolve(base + ".zip");
            zip(image, zip);
            return zip;
        }
        Path tar = dist.resolve(base + ".tar.gz");
        Files.deleteIfExists(tar);
        run(dist, "tar", "-czf", tar.getFileName().toString(), image.getFileName().toString());
        return tar;
    }

    // --- tools and files ---

    String tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new PackagingException(
                name + " is not in this Java (" + System.getProperty("java.home") + "); use a full JDK 17 or newer."));
        StringWriter out = new StringWriter();
        int status;
        try (PrintWriter writer = new PrintWriter(out)) {
            status = tool.run(writer, writer, args);
        }
        if (status != 0) {
            throw new PackagingException(name + " failed (exit " + status + "):\n" + out);
        }
        return out.toString();
    }

    static void run(Path dir, String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new PackagingException(String.join(" ", command) + " failed.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackagingException("interrupted");
        }
    }

    Path appJar(App app) {
        return root.resolve(app.module()).resolve("target").resolve(app.jar());
    }

    List<Path> libJars(App app) throws IOException {
        Path lib = root.resolve(app.module()).resolve("target/lib");
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static boolean hasClass(Path jar, String className) throws IOException {
        return hasEntry(jar, className.replace('.', '/') + ".class");
    }

    static boolean hasEntry(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(entry) != null;
        }
    }

    /** False when the jar's module descriptor is compiled for a newer Java than this one. */
    static boolean moduleDescriptorFits(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry descriptor = file.getEntry("module-info.class");
            if (descriptor == null) {
                return true;
            }
            try (InputStream in = file.getInputStream(descriptor)) {
                byte[] header = in.readNBytes(8);
                int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                return major <= 44 + Runtime.version().feature();
            }
        }
    }

    /**
     * Copies a jar, leaving out its signature if it has one: the signature files and the per-entry digests of its
     * manifest. BouncyCastle signs its jars so that they can serve as a security provider on JDKs that demand
     * signed providers; Natter uses them as a plain library (the certificate code asks the JDK's own providers),
     * and checking the signature is a large share of the server's start: the first class read from bcprov parses
     * and hashes a manifest of 800 KB, and class-data sharing leaves out classes of signed jars.
     *
     * <p>For the same reason a jar's registration of security providers ({@value #PROVIDER_REGISTRATION}) is left
     * out: the JDK looks for the providers its configuration names but the image lacks (SunPKCS11) among the
     * registered ones, and to read their names it creates each of them. BouncyCastle's two providers set up
     * several thousand algorithms when created, about a fifth of a second of the server's start and work for the
     * JIT compilers besides, for nothing: Natter never asks for them.
     */
    static void copyUnsigned(Path jar, Path target) throws IOException {
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            java.util.jar.Manifest manifest = in.getManifest();
            boolean signed = in.stream().anyMatch(entry -> SIGNATURE_FILE.matcher(entry.getName()).matches());
            if (!signed || manifest == null) {
                Files.copy(jar, target);
                return;
            }
            manifest.getEntries().clear();
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(target),
                    manifest)) {
                for (ZipEntry entry : in.stream().toList()) {
                    String name = entry.getName();
                    if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME) || SIGNATURE_FILE.matcher(name).matches()
                            || name.equals(PROVIDER_REGISTRATION)) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(name);
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    static final Pattern SIGNATURE_FILE = Pattern.compile("(?i)META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    static final String PROVIDER_REGISTRATION = "META-INF/services/java.security.Provider";

    static void extractNativeLibraries(Path jar, Path dir) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (!name.contains("/") && name.matches(".+\\.(so|dylib|dll)")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    static String projectVersion(String pom) {
        Matcher m = Pattern.compile("<artifactId>natter-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        if (!m.find()) {
            throw new PackagingException("cannot read the version from pom.xml");
        }
        return m.group(1).replace("-SNAPSHOT", "");
    }

    static Os detectOs() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.startsWith("windows") ? Os.WINDOWS : name.startsWith("mac") ? Os.MAC : Os.LINUX;
    }

    static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    static void zip(Path dir, Path zip) throws IOException {
        Files.deleteIfExists(zip);
        Path base = dir.getParent();
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zipOut.putNextEntry(new ZipEntry(base.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zipOut);
                zipOut.closeEntry();
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static long megabytes(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    static void say(String text) {
        System.out.println("natter package: " + text);
    }

    static final class PackagingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PackagingException(String message) {
            super(message);
        }
    }
}
