package vn.dvcsync.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * What a browser (or a script) sends, said explicitly: a plain HTTP client that follows no redirect, answers no
 * challenge and keeps the session cookie only when told to, so every test states the headers it relies on.
 */
final class Browser {

    private static final Pattern CSRF_INPUT =
            Pattern.compile("name=\"_csrf\"\\s+type=\"hidden\"\\s+value=\"([^\"]+)\"");

    final String root;
    private final HttpClient client;
    /** The session cookie ({@code JSESSIONID=…}), once logged in with the web form. */
    String session;

    Browser(String root) {
        this(
                root,
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    Browser(String root, SSLContext tls) {
        this(
                root,
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .sslContext(tls)
                        .build());
    }

    private Browser(String root, HttpClient client) {
        this.root = root;
        this.client = client;
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path));
        if (session != null) {
            b.header("Cookie", session);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** A GET with HTTP Basic credentials sent with the request. */
    HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", basic(user, password)).GET());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /**
     * The web login as a browser does it: the login page (its CSRF token, a first session), the form posted from it.
     *
     * @return the answer to the form (302 to the start page when the login worked)
     */
    HttpResponse<String> logIn(String user, String password) throws IOException, InterruptedException {
        session = null;
        HttpResponse<String> page = get("/login");
        keepSession(page);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", user);
        fields.put("password", password);
        fields.put("_csrf", csrfToken(page.body()));
        HttpResponse<String> answer = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", root)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(form(fields)));
        keepSession(answer);
        return answer;
    }

    /** The CSRF token of this session, as a page of the gateway shows it (the login page). */
    String csrfToken() throws IOException, InterruptedException {
        return csrfToken(get("/login").body());
    }

    void keepSession(HttpResponse<?> response) {
        setCookie(response, "JSESSIONID")
                .ifPresent(cookie ->
                        session = cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')));
    }

    /** The whole {@code Set-Cookie} header of the cookie {@code name}, attributes included. */
    static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst();
    }

    private static String csrfToken(String page) {
        Matcher m = CSRF_INPUT.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page: " + page);
        }
        return m.group(1);
    }
}
