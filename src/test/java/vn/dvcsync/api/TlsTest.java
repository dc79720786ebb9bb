package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * issue #9: the gateway served over HTTPS as the README shows it ({@code server.ssl.*} with a PKCS#12 key store made
 * with {@code keytool}, {@code server.address} binding it to one address), called over TLS by a client trusting that
 * key: the session cookie is {@code Secure} (and {@code HttpOnly}, {@code SameSite=Strict}), and pages carry HSTS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dvcsync.demo.dossiers=200")
@ActiveProfiles("test")
class TlsTest {

    private static final String PASSWORD = "tls-test-pw";
    private static Path keyStore;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void https(DynamicPropertyRegistry registry) throws Exception {
        keyStore = generatedKeyStore();
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> keyStore.toAbsolutePath().toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> PASSWORD);
        registry.add("server.ssl.key-alias", () -> "gateway");
        registry.add("server.address", () -> "127.0.0.1");
    }

    /** {@code keytool -genkeypair}, as the README's Security section does it. */
    private static Path generatedKeyStore() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tls"));
        Path file = dir.resolve("gateway-" + System.nanoTime() + ".p12");
        Process keytool = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "gateway",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        return file;
    }

    /** A client trusting the gateway's own certificate, and nothing else. */
    private static SSLContext trustingTheGateway() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndPagesCarryHsts() throws Exception {
        Browser browser = new Browser("https://127.0.0.1:" + port, trustingTheGateway());

        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .contains("max-age=31536000 ; includeSubDomains");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);

        HttpResponse<String> login = browser.logIn("official", "official-test-pw");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(Browser.setCookie(login, "JSESSIONID").orElseThrow())
                .contains("; Secure")
                .contains("; HttpOnly")
                .contains("; SameSite=Strict");

        HttpResponse<String> api = browser.get("/api/v1/runs/latest", "official", "official-test-pw");
        assertThat(api.statusCode()).isIn(200, 404);
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
