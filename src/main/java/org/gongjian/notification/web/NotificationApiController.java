package org.gongjian.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.gongjian.notification.ChannelKind;
import org.gongjian.notification.Channels;
import org.gongjian.notification.Inbox;
import org.gongjian.notification.InboxMessage;
import org.gongjian.notification.UnitChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox, and each unit's e-mail and robot channels (office only), as JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "notifications", description = "站内通知、单位邮箱与群机器人")
class NotificationApiController {

    private final Inbox inbox;
    private final Channels channels;

    NotificationApiController(Inbox inbox, Channels channels) {
        this.inbox = inbox;
        this.channels = channels;
    }

    @GetMapping("/notifications")
    @PreAuthorize("hasAuthority('notification:inbox:read')")
    Page<InboxMessage> messages(Principal user, @RequestParam(defaultValue = "false") boolean unread,
            @PageableDefault(size = 20) Pageable pageable) {
        return inbox.messages(user.getName(), unread, pageable);
    }

    @GetMapping("/notifications/unread-count")
    @PreAuthorize("hasAuthority('notification:inbox:read')")
    Map<String, Long> unreadCount(Principal user) {
        return Map.of("unread", inbox.unreadCount(user.getName()));
    }

    @PostMapping("/notifications/{id}/read")
    @PreAuthorize("hasAuthority('notification:inbox:read')")
    ResponseEntity<Void> read(Principal user, @PathVariable long id) {
        inbox.markRead(user.getName(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/units/{code}/channels")
    @PreAuthorize("hasAuthority('notification:channel:manage')")
    List<UnitChannel> channels(@PathVariable String code) {
        return channels.of(code);
    }

    /** A new channel: an e-mail address, or a WeCom / DingTalk robot webhook (DingTalk may have a secret). */
    record ChannelForm(@NotNull ChannelKind kind, @NotBlank @Size(max = 500) String address,
            @Size(max = 200) @Nullable String secret) {
    }

    @PostMapping("/units/{code}/channels")
    @PreAuthorize("hasAuthority('notification:channel:manage')")
    @Operation(summary = "Add an e-mail address or a WeCom / DingTalk group-robot webhook to a unit")
    UnitChannel addChannel(@PathVariable String code, @Valid @RequestBody ChannelForm form) {
        return channels.add(code, form.kind(), form.address(), form.secret());
    }

    @DeleteMapping("/units/{code}/channels/{id}")
    @PreAuthorize("hasAuthority('notification:channel:manage')")
    ResponseEntity<Void> removeChannel(@PathVariable String code, @PathVariable long id) {
        channels.remove(code, id);
        return ResponseEntity.noContent().build();
    }
}
