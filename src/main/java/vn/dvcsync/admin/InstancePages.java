package vn.dvcsync.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Phiên bản: the gateway instances on this store, alive or not by their heartbeats, and the run each executes. */
@Controller
@RequestMapping("/admin/instances")
class InstancePages implements AdminPage {

    private final InstanceApi api;

    InstancePages(InstanceApi api) {
        this.api = api;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("instances", api.list());
        return "admin/instances";
    }
}
