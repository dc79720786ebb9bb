package vn.dvcsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** {@code ?lang=} switches to Vietnamese ({@code vi}) or English ({@code en}); any other value is ignored. */
final class OnlyKnownLanguages implements HandlerInterceptor {

    static final Set<String> KNOWN = Set.of("vi", "en");

    private final LocaleChangeInterceptor change;

    OnlyKnownLanguages(LocaleChangeInterceptor change) {
        this.change = change;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws jakarta.servlet.ServletException {
        String lang = request.getParameter(change.getParamName());
        if (lang != null && KNOWN.contains(lang)) {
            return change.preHandle(request, response, handler);
        }
        return true;
    }
}
