package vn.dvcsync.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every API call's query parameters and path variables are checked before the call runs: one holding a control
 * character (a NUL, a line break, any of U+0000–U+001F and U+007F–U+009F) is answered 400, naming it, and never
 * reaches a filter, a query or a log line.
 */
@Configuration(proxyBeanMethods = false)
class ControlCharacters implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check()).addPathPatterns("/api/**");
    }

    static final class Check implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                String bad = firstControl(p.getKey());
                for (int i = 0; bad == null && i < p.getValue().length; i++) {
                    bad = firstControl(p.getValue()[i]);
                }
                if (bad != null) {
                    return refuse(response, "Parameter '" + ThrottledLogins.printable(p.getKey()) + "'", bad);
                }
            }
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                for (Map.Entry<?, ?> v : variables.entrySet()) {
                    String bad = firstControl(String.valueOf(v.getValue()));
                    if (bad != null) {
                        return refuse(response, "Path variable '" + v.getKey() + "'", bad);
                    }
                }
            }
            return true;
        }

        private static boolean refuse(HttpServletResponse response, String what, String character) throws IOException {
            LoginRefusals.json(
                    response, HttpStatus.BAD_REQUEST, what + " holds a control character (" + character + ")");
            return false;
        }

        /** The first control character of {@code text} as {@code U+0000}, or null. */
        static String firstControl(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c)) {
                    return String.format("U+%04X", (int) c);
                }
            }
            return null;
        }
    }
}
