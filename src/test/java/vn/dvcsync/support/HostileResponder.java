package vn.dvcsync.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A server as an attacker (or a broken service) would run it, on a bare socket so that nothing normalises what it
 * sends: a 1 GB reply, a gzip bomb (a small compressed body expanding to 256 MB), or a reply dripping one byte at a
 * time. Every connection gets the same treatment; it counts connections and the bytes it managed to send.
 */
public final class HostileResponder implements AutoCloseable {

    /** What the hostile replies are made of: a body start, then one unit repeated. */
    public record Content(String contentType, String start, String unit) {

        /** A portal-like JSON reply: a list that never ends. */
        public static final Content JSON = new Content(
                "application/json; charset=utf-8",
                "{\"error_code\":\"0\",\"session\":\"x\",\"result\":[",
                "{\"MaHoSo\":\"H26.01-250101-0001\",\"TrangThaiHoSo\":\"4\"},");
        /** A population-like SOAP reply: an envelope that never closes. */
        public static final Content SOAP = new Content(
                "text/xml; charset=utf-8",
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>",
                "<CongDan><SoDinhDanh>001099012345</SoDinhDanh></CongDan>");
    }

    private enum Kind {
        HUGE,
        HUGE_CHUNKED,
        GZIP_BOMB,
        DRIP_BODY,
        DRIP_HEAD
    }

    public static final long ONE_GB = 1L << 30;
    /** What the gzip bomb expands to. */
    public static final long BOMB_EXPANDED = 256L << 20;

    private final ServerSocket socket;
    private final Kind kind;
    private final Content content;
    private final Duration dripEvery;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();

    private HostileResponder(Kind kind, Content content, Duration dripEvery) {
        this.kind = kind;
        this.content = content;
        this.dripEvery = dripEvery;
        try {
            this.socket = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "hostile-" + kind);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers 200 announcing 1 GB ({@code Content-Length}) and sends it as long as the client reads. */
    public static HostileResponder huge(Content content) {
        return new HostileResponder(Kind.HUGE, content, null);
    }

    /** Answers 200 with a chunked body (no length announced) of 1 GB, sent as long as the client reads. */
    public static HostileResponder hugeChunked(Content content) {
        return new HostileResponder(Kind.HUGE_CHUNKED, content, null);
    }

    /** Answers 200 {@code Content-Encoding: gzip} with a body of about 250 KB expanding to 256 MB. */
    public static HostileResponder gzipBomb(Content content) {
        Bomb.bytes(content);
        return new HostileResponder(Kind.GZIP_BOMB, content, null);
    }

    /** Answers 200 at once (no length: the body ends when the connection does), then one byte every {@code every}. */
    public static HostileResponder dripBody(Content content, Duration every) {
        return new HostileResponder(Kind.DRIP_BODY, content, every);
    }

    /** Sends even the status line and headers one byte every {@code every}. */
    public static HostileResponder dripHead(Content content, Duration every) {
        return new HostileResponder(Kind.DRIP_HEAD, content, every);
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/hostile";
    }

    /** Connections accepted so far (one per attempt of a call). */
    public int connections() {
        return connections.get();
    }

    /** Bytes written to clients before they hung up. */
    public long bytesSent() {
        return bytesSent.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(client), "hostile-" + kind + "-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                OutputStream out = client.getOutputStream()) {
            readRequest(client.getInputStream());
            switch (kind) {
                case HUGE -> {
                    write(out, head("Content-Length: " + ONE_GB));
                    repeat(out, ONE_GB, false);
                }
                case HUGE_CHUNKED -> {
                    write(out, head("Transfer-Encoding: chunked"));
                    repeat(out, ONE_GB, true);
                }
                case GZIP_BOMB -> {
                    byte[] bomb = Bomb.bytes(content);
                    write(out, head("Content-Encoding: gzip\r\nContent-Length: " + bomb.length));
                    write(out, bomb);
                }
                case DRIP_BODY -> {
                    write(out, head("Connection: close"));
                    drip(out, (content.start() + content.unit().repeat(1000)).getBytes(StandardCharsets.UTF_8));
                }
                case DRIP_HEAD ->
                    drip(
                            out,
                            (new String(head("Content-Length: " + ONE_GB), StandardCharsets.US_ASCII) + content.start())
                                    .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up: what it was meant to do
        }
    }

    private byte[] head(String header) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: " + content.contentType() + "\r\n" + header + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        bytesSent.addAndGet(bytes.length);
    }

    /** The content's start, then its unit repeated up to {@code total} bytes in all. */
    private void repeat(OutputStream out, long total, boolean chunked) throws IOException {
        byte[] start = content.start().getBytes(StandardCharsets.UTF_8);
        byte[] block = content.unit()
                .repeat(Math.max(1, 65536 / content.unit().length()))
                .getBytes(StandardCharsets.UTF_8);
        long left = total;
        byte[] first = start;
        while (left > 0) {
            byte[] piece = first != null ? first : block;
            first = null;
            int n = (int) Math.min(piece.length, left);
            if (chunked) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(piece, 0, n);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            bytesSent.addAndGet(n);
            left -= n;
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private void drip(OutputStream out, byte[] bytes) throws IOException, InterruptedException {
        for (int i = 0; ; i = (i + 1) % bytes.length) {
            out.write(bytes[i]);
            out.flush();
            bytesSent.incrementAndGet();
            Thread.sleep(dripEvery.toMillis());
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            seen.write(b);
            String text = seen.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                int length = text.lines()
                        .filter(l -> l.toLowerCase().startsWith("content-length:"))
                        .map(l -> Integer.parseInt(l.substring(15).trim()))
                        .findFirst()
                        .orElse(0);
                in.readNBytes(length);
                return;
            }
        }
    }

    /** The gzip bombs, made once per content (a second or two of compressing). */
    private static final class Bomb {
        private static final java.util.Map<Content, byte[]> MADE = new java.util.concurrent.ConcurrentHashMap<>();

        static byte[] bytes(Content content) {
            return MADE.computeIfAbsent(content, Bomb::make);
        }

        private static byte[] make(Content content) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 65536) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gzip.write(content.start().getBytes(StandardCharsets.UTF_8));
                byte[] block = content.unit()
                        .repeat(Math.max(1, 65536 / content.unit().length()))
                        .getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written < BOMB_EXPANDED; written += block.length) {
                    gzip.write(block);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return compressed.toByteArray();
        }
    }
}
