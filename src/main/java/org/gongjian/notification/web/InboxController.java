package org.gongjian.notification.web;

import java.security.Principal;
import org.gongjian.notification.Inbox;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's in-app inbox, and the unread count the top bar shows (an htmx fragment). */
@Controller
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notifications")
    @PreAuthorize("hasAuthority('notification:inbox:read')")
    String inbox(Principal user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean unread, Model model) {
        model.addAttribute("messages", inbox.messages(user.getName(), unread, PageRequest.of(Math.max(0, page), 30)));
        model.addAttribute("unread", unread);
        model.addAttribute("unreadCount", inbox.unreadCount(user.getName()));
        return "notification/inbox";
    }

    /** The badge in the top bar: the link to the inbox with the unread count. */
    @GetMapping("/notifications/badge")
    @PreAuthorize("hasAuthority('notification:inbox:read')")
    String badge(Principal user, Model model) {
        model.addAttribute("unreadCount", inbox.unreadCount(user.getName()));
        return "notification/badge :: badge";
    }

    @PostMapping("/notifications/{id}/read")
    @PreAuthorize("hasAuthority('notification:inbox:read')")
    String read(Principal user, @PathVariable long id) {
        @Nullable String link = inbox.markRead(user.getName(), id);
        return "redirect:" + (link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
    }

    @PostMapping("/notifications/read-all")
    @PreAuthorize("hasAuthority('notification:inbox:read')")
    String readAll(Principal user) {
        inbox.markAllRead(user.getName());
        return "redirect:/notifications";
    }
}
