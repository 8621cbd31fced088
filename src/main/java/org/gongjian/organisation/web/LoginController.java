package org.gongjian.organisation.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security processes what it posts. Public: whoever is not logged in needs it. */
@Controller
class LoginController {

    private final Duration throttleWindow;

    LoginController(@Value("${gongjian.login.window:15m}") Duration throttleWindow) {
        this.throttleWindow = throttleWindow;
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(Model model) {
        model.addAttribute("throttleMinutes", Math.max(1, throttleWindow.toMinutes()));
        return "login";
    }
}
