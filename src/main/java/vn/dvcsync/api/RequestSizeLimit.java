package vn.dvcsync.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies of at most {@code dvcsync.security.max-request-size}: one announced larger ({@code Content-Length})
 * is refused (413) before it is read, and the connection closed rather than read to the end; one sent without a
 * length is cut off at the limit ({@link TooLarge}, answered 413 by {@link ApiErrors}).
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    private final long max;

    RequestSizeLimit(long max) {
        this.max = max;
    }

    /** A body read past the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("Request body larger than the limit of " + max + " bytes (dvcsync.security.max-request-size)");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > max) {
            response.setHeader("Connection", "close");
            LoginRefusals.json(
                    response,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "Request body of " + length + " bytes is larger than the limit of " + max
                            + " bytes (dvcsync.security.max-request-size)");
            return;
        }
        chain.doFilter(length >= 0 ? request : new Limited(request, max), response);
    }

    /** A request whose body, of unknown length, is counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            counted(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            counted(n);
                        }
                        return n;
                    }

                    private void counted(int n) throws TooLarge {
                        count += n;
                        if (count > max) {
                            throw new TooLarge(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
