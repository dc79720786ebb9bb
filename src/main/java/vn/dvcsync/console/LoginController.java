package vn.dvcsync.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web login's page (the form posts to Spring Security's {@code POST /login}); a failed login comes back with
 * {@code ?error}, a logout with {@code ?logout}. The start page is the overview.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("logout", logout != null);
        return "console/login";
    }

    @GetMapping("/")
    String start() {
        return "redirect:/console";
    }
}
