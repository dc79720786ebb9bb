package vn.dvcsync.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.dvcsync.kernel.Category;

/** What every console page's frame shows: the links to this page in the other language, the categories. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute
    void frame(HttpServletRequest request, Model model) {
        model.addAttribute("langVi", withLanguage("vi"));
        model.addAttribute("langEn", withLanguage("en"));
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("categories", Category.names());
    }

    private static String withLanguage(String lang) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("lang", lang)
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }

    static final List<String> CHANGES = List.of("NEW", "PERSISTING");
}
