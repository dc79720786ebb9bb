package vn.dvcsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * issue #9, first finding: a population (or portal) reply of 1 GB, or a gzip body expanding to hundreds of MB, ran the
 * gateway out of memory; a reply dripping in held a call for minutes. The gateway's clients in a JVM of 64 MB
 * ({@link HostileReplyProbe}) call responders doing each of these: every call ends with the service called
 * unavailable (after its attempts), within its attempts' deadlines, and the JVM never runs out of memory
 * ({@code -XX:+ExitOnOutOfMemoryError} would end it with code 3).
 */
class HostileRepliesUnderSmallHeapTest {

    private static final Pattern REFUSED = Pattern.compile("^(\\S+) refused after (\\d+) ms: (.*)$", Pattern.MULTILINE);

    @Test
    void hugeGzipBombAndDrippingRepliesEndEachCallPromptlyInASmallHeap() throws Exception {
        Map<String, HostileResponder> responders = new LinkedHashMap<>();
        responders.put("portal-1gb", HostileResponder.huge(HostileResponder.Content.JSON));
        responders.put("portal-1gb-chunked", HostileResponder.hugeChunked(HostileResponder.Content.JSON));
        responders.put("portal-gzip-bomb", HostileResponder.gzipBomb(HostileResponder.Content.JSON));
        responders.put("portal-drip", HostileResponder.dripBody(HostileResponder.Content.JSON, Duration.ofMillis(500)));
        responders.put("population-1gb", HostileResponder.huge(HostileResponder.Content.SOAP));
        responders.put("population-gzip-bomb", HostileResponder.gzipBomb(HostileResponder.Content.SOAP));
        responders.put(
                "population-drip", HostileResponder.dripBody(HostileResponder.Content.SOAP, Duration.ofMillis(500)));
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-XX:TieredStopAtLevel=1",
                    "-Dfile.encoding=UTF-8",
                    "-cp",
                    System.getProperty("java.class.path"),
                    HostileReplyProbe.class.getName()));
            responders.forEach((label, server) -> command.add(label + "="
                    + (label.startsWith("portal")
                            ? "portal:" + server.url().replace("/hostile", "/dvcqg")
                            : "population:" + server.url())));
            Path log = Files.createDirectories(Path.of("target", "hostile-replies"))
                    .resolve("probe-" + System.currentTimeMillis() + ".log");
            Process probe = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean ended = probe.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                probe.destroyForcibly();
            }
            String output = read(log);
            assertThat(ended).as("probe ended; log %s", log).isTrue();
            assertThat(probe.exitValue())
                    .as("exit code (3: out of memory); log %s", log)
                    .isZero();
            assertThat(output).doesNotContain("OutOfMemoryError", "ANSWERED");

            Map<String, String> errors = new LinkedHashMap<>();
            Matcher m = REFUSED.matcher(output);
            long longest = HostileReplyProbe.ATTEMPTS * (HostileReplyProbe.DEADLINE.toMillis() + 1000);
            while (m.find()) {
                errors.put(m.group(1), m.group(3));
                assertThat(Long.parseLong(m.group(2)))
                        .as("%s: time to the error", m.group(1))
                        .isLessThan(longest);
            }
            assertThat(errors.keySet()).containsExactlyElementsOf(responders.keySet());
            errors.forEach((label, error) -> {
                assertThat(error)
                        .as(label)
                        .startsWith(
                                label.startsWith("portal")
                                        ? "PortalUnavailableException: portal auth: gave up after 2 attempts; last error: ReplyRefusedException: "
                                        : "PopulationUnavailableException: population lookup ********2345: gave up after 2 attempts; "
                                                + "last error: ReplyRefusedException: ");
                assertThat(error)
                        .as(label)
                        .endsWith(
                                label.endsWith("drip")
                                        ? "no complete reply within the call's deadline of 1500 ms"
                                        : label.equals("portal-1gb")
                                                ? "larger than the limit of 16 MiB"
                                                // a 16 MiB list of tiny objects is a tree of 150 MB: the JSON's token
                                                // limit stops it first
                                                : label.startsWith("portal")
                                                        ? "Token count (262145) exceeds the maximum allowed (262144, from `StreamReadConstraints.getMaxTokenCount()`)"
                                                        : "larger than the limit of 64 KiB");
            });
            responders.forEach((label, server) -> assertThat(server.connections())
                    .as("%s: one connection per attempt", label)
                    .isEqualTo(HostileReplyProbe.ATTEMPTS));
        } finally {
            for (HostileResponder r : responders.values()) {
                r.close();
            }
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
