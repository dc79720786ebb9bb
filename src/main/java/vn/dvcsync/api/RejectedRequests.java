package vn.dvcsync.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests the web server refuses before the gateway sees them (a NUL in the path, {@code %00}, or headers it cannot
 * read) are answered like any other error of the API: one line of JSON, {@code {"error": "…"}}, instead of Tomcat's
 * HTML page.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnClass(ErrorReportValve.class)
class RejectedRequests implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            // in place of the HTML report Spring Boot puts on the host; the host makes its own report valve (this one)
            // when it starts with none in its pipeline
            for (Valve valve : context.getParent().getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    context.getParent().getPipeline().removeValve(valve);
                }
            }
            ((StandardHost) context.getParent()).setErrorReportValveClass(JsonReport.class.getName());
        });
    }

    /** After Spring Boot's own customizer, which adds the HTML report. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Public: the host makes it by its class name. */
    public static final class JsonReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String error = status == 400
                    ? "Bad request: the path or the headers cannot be read (a NUL byte, an invalid escape, or a character "
                            + "not allowed there)"
                    : "HTTP " + status;
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"error\":\"" + error + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone
            }
        }
    }
}
