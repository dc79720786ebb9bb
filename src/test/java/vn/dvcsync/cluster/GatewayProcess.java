package vn.dvcsync.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway in a JVM of its own ({@code java -cp <test class path> vn.dvcsync.GatewayApplication}),
 * started from the project directory (routes and mappings are read from there), its output in a log file.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Pattern RUN_STARTED = Pattern.compile("Run (\\S+) \\((\\w+)\\) started");
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    final String name;
    private final Process process;
    private final Path log;

    private GatewayProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the gateway with these properties (as {@code --key=value} arguments). */
    static GatewayProcess start(String name, Map<String, String> properties) {
        return start(name, properties, Map.of());
    }

    /** Starts the gateway with these properties (as {@code --key=value} arguments) and environment variables. */
    static GatewayProcess start(String name, Map<String, String> properties, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("vn.dvcsync.GatewayApplication");
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            Path dir = Files.createDirectories(Path.of("target", "gateway-processes"));
            Path log = dir.resolve(name + "-" + System.currentTimeMillis() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.directory(new File(System.getProperty("user.dir")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new GatewayProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no clean-up, as a power cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end and returns its exit code, or fails. */
    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + "; log " + log);
        }
        return process.exitValue();
    }

    /** Waits until the log holds {@code text}, or fails (also when the process ends first). */
    void waitForLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (!process.isAlive() && !log().contains(text)) {
                throw new AssertionError(name + " ended before logging '" + text + "'; log " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not log '" + text + "' within " + timeout + "; log " + log);
            }
            Thread.sleep(100);
        }
    }

    /** The HTTP port it listens on (once started). */
    int port() {
        Matcher m = PORT.matcher(log());
        if (!m.find()) {
            throw new AssertionError(name + " has no HTTP port in its log " + log);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Ids of the runs it started. */
    Set<String> runs() {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = RUN_STARTED.matcher(log());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    Path logFile() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
