package vn.dvcsync.simulator;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The headers of a population call: {@code SOAPAction}, {@code X-Road-Client}, {@code ApiKey}, a
 * {@code Timestamp} within 5 minutes of the simulator's clock and the signed {@code Authorization}
 * {@code Basic base64(user + ":" + hex(sha256(url + user + Timestamp + secret)))}.
 */
final class PopulationRequestCheck {

    static final String SOAP_ACTION = "TraCuuThongTinCongDan";
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final PopulationSettings settings;
    private final String url;

    /** @param url the exact request URL the caller signs */
    PopulationRequestCheck(PopulationSettings settings, String url) {
        this.settings = settings;
        this.url = url;
    }

    void check(Headers headers) throws PopulationFault {
        String action = unquote(headers.getFirst("SOAPAction"));
        if (!SOAP_ACTION.equals(action)) {
            throw PopulationFault.client("SOAPAction: must be \"" + SOAP_ACTION + "\"");
        }
        if (!settings.xRoadClient().equals(headers.getFirst("X-Road-Client"))) {
            throw PopulationFault.client("X-Road-Client: unknown client");
        }
        if (!settings.apiKey().equals(headers.getFirst("ApiKey"))) {
            throw PopulationFault.client("ApiKey: wrong key");
        }
        String timestamp = headers.getFirst("Timestamp");
        LocalDateTime sent = VietnamTime.parse(timestamp);
        if (sent == null) {
            throw PopulationFault.client("Timestamp: must be yyyyMMddHHmmss");
        }
        Duration skew =
                Duration.between(sent, VietnamTime.now(settings.clock())).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw PopulationFault.client("Timestamp: more than 5 minutes off");
        }
        String[] credentials = basicCredentials(headers.getFirst("Authorization"));
        String expected = signature(url, settings.username(), timestamp, settings.secret());
        if (credentials == null
                || !settings.username().equals(credentials[0])
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII),
                        credentials[1].toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw PopulationFault.client("Authorization: bad signature");
        }
    }

    /** @return user and signature of a {@code Basic} header, or null when it is not one */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    /** {@code hex(sha256(url + user + timestamp + secret))}, lower case. */
    static String signature(String url, String user, String timestamp, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((url + user + timestamp + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unquote(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
