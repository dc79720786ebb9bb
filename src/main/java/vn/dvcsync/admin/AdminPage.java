package vn.dvcsync.admin;

import java.io.Serializable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A controller of the admins' pages ({@code /admin/**}), as opposed to their API: {@link AdminPageModel} gives its
 * pages their frame and their errors. An action posts, then goes back to its page with what it did or why it could
 * not ({@link #act}).
 */
interface AdminPage {

    /** What an action did, as a message of {@code admin/messages} and its arguments. */
    record Notice(String key, Object[] args) implements Serializable {
        static Notice of(String key, Object... args) {
            return new Notice(key, args);
        }
    }

    interface Action {
        Notice run() throws Exception;
    }

    /**
     * Does {@code action} and redirects to {@code page}: with its notice, or with the one-line reason it was refused
     * (a route busy, a run in progress, a bad parameter, an unknown name).
     */
    static String act(RedirectAttributes flash, String page, Action action) throws Exception {
        try {
            flash.addFlashAttribute("notice", action.run());
        } catch (IllegalArgumentException
                | IllegalStateException
                | Routes.RouteBusyException
                | Routes.UnknownRouteException
                | vn.dvcsync.cluster.Schedules.UnknownScheduleException
                | vn.dvcsync.run.RunService.RunInProgressException e) {
            flash.addFlashAttribute("refused", String.valueOf(e.getMessage()));
        }
        return "redirect:" + page;
    }
}
