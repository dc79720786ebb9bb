package vn.dvcsync.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.dvcsync.cluster.Schedules;

/**
 * The frame of every admin page (the links to it in the other language, the path for the navigation) and its errors:
 * an unknown route, schedule or run is a 404 page, a bad parameter a 400 page, each saying why in a line; before the
 * API's JSON errors ({@link AdminApiErrors}), which the pages' controllers do not use.
 */
@ControllerAdvice(assignableTypes = AdminPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminPageModel {

    @ModelAttribute
    void frame(HttpServletRequest request, Model model) {
        model.addAttribute("langVi", withLanguage("vi"));
        model.addAttribute("langEn", withLanguage("en"));
        model.addAttribute("path", request.getRequestURI());
    }

    @ExceptionHandler({Routes.UnknownRouteException.class, Schedules.UnknownScheduleException.class, NotFound.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, HttpServletRequest request, Model model) {
        return error(e, request, model, 404);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(IllegalArgumentException e, HttpServletRequest request, Model model) {
        return error(e, request, model, 400);
    }

    private String error(RuntimeException e, HttpServletRequest request, Model model, int status) {
        frame(request, model);
        model.addAttribute("status", status);
        model.addAttribute("reason", e.getMessage());
        return "admin/error";
    }

    /** Nothing of that name (a run, a dead letter). */
    static class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what);
        }
    }

    private static String withLanguage(String lang) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("lang", lang)
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }
}
