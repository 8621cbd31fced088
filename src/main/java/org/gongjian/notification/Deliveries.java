package org.gongjian.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.UserAccount;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers a {@link NotificationRequested} on each channel, one listener per channel so that each has
 * its own entry in the event publication registry: a channel that fails leaves its publication
 * incomplete, to be resubmitted, without holding up the others. The ledger sends each message once
 * per channel and address.
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final Inbox inbox;
    private final Channels channels;
    private final DeliveryLedger ledger;
    private final Accounts accounts;
    private final ObjectProvider<JavaMailSender> mail;
    private final JsonMapper json;
    private final Clock clock;
    private final String baseUrl;
    private final String mailFrom;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Deliveries(Inbox inbox, Channels channels, DeliveryLedger ledger, Accounts accounts, ObjectProvider<JavaMailSender> mail,
            JsonMapper json, Clock clock, @Value("${gongjian.notification.base-url}") String baseUrl,
            @Value("${gongjian.notification.mail-from}") String mailFrom) {
        this.inbox = inbox;
        this.channels = channels;
        this.ledger = ledger;
        this.accounts = accounts;
        this.mail = mail;
        this.json = json;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.mailFrom = mailFrom;
    }

    /** The in-app inbox of every enabled user of the units, and of every holder of the roles. */
    @ApplicationModuleListener
    void toInbox(NotificationRequested message) {
        for (UserAccount user : accounts.all()) {
            boolean ofUnit = user.unitId() != null && message.unitIds().contains(user.unitId());
            boolean ofRole = user.roles().stream().map(Role::name).anyMatch(message.roles()::contains);
            if (user.enabled() && (ofUnit || ofRole)) {
                inbox.deliver(user.username(), message);
            }
        }
    }

    @ApplicationModuleListener
    void byMail(NotificationRequested message) {
        List<UnitChannel.Stored> targets = channels.enabled(message.unitIds(), ChannelKind.EMAIL);
        if (targets.isEmpty()) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("No SMTP server configured (spring.mail.host): notification {} not e-mailed", message.key());
            return;
        }
        deliver(message, ChannelKind.EMAIL, targets, channel -> {
            SimpleMailMessage mailMessage = new SimpleMailMessage();
            mailMessage.setFrom(mailFrom);
            mailMessage.setTo(channel.channel().address());
            mailMessage.setSubject(message.title());
            String url = url(message.link());
            mailMessage.setText(message.body() + (url == null ? "" : "\n\n" + url));
            sender.send(mailMessage);
        });
    }

    @ApplicationModuleListener
    void byWebhook(NotificationRequested message) {
        List<Failure> failures = new ArrayList<>();
        for (ChannelKind kind : List.of(ChannelKind.WECOM, ChannelKind.DINGTALK)) {
            try {
                deliver(message, kind, channels.enabled(message.unitIds(), kind), channel -> post(kind, channel, message));
            } catch (DeliveryFailed e) {
                failures.add(new Failure(kind, e.getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            throw new DeliveryFailed(failures.toString());
        }
    }

    private record Failure(ChannelKind kind, String error) {
    }

    /** A send to one address. */
    @FunctionalInterface
    interface Send {
        void to(UnitChannel.Stored channel) throws Exception;
    }

    /**
     * Sends to every address not sent yet; records each outcome; throws at the end if any failed or is
     * being sent by another instance, so that the publication stays incomplete and is resubmitted.
     */
    private void deliver(NotificationRequested message, ChannelKind kind, List<UnitChannel.Stored> targets, Send send) {
        List<String> problems = new ArrayList<>();
        for (UnitChannel.Stored channel : targets) {
            String address = channel.channel().address();
            DeliveryLedger.Claim claim = ledger.claim(message.key(), kind, address);
            if (claim == DeliveryLedger.Claim.ALREADY_SENT) {
                continue;
            }
            if (claim == DeliveryLedger.Claim.BUSY) {
                problems.add(channel.channel().maskedAddress() + ": being sent elsewhere");
                continue;
            }
            try {
                send.to(channel);
                ledger.sent(message.key(), kind, address);
            } catch (Exception e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                ledger.failed(message.key(), kind, address, error);
                problems.add(channel.channel().maskedAddress() + ": " + error);
                log.warn("Notification {} not delivered by {} to {}: {}", message.key(), kind,
                        channel.channel().maskedAddress(), error);
            }
        }
        if (!problems.isEmpty()) {
            throw new DeliveryFailed(kind + " " + problems);
        }
    }

    private void post(ChannelKind kind, UnitChannel.Stored channel, NotificationRequested message)
            throws IOException, InterruptedException {
        String url = url(message.link());
        Map<String, Object> body = kind == ChannelKind.WECOM ? RobotMessages.wecom(message, url)
                : RobotMessages.dingtalk(message, url);
        String address = channel.channel().address();
        if (kind == ChannelKind.DINGTALK && channel.secret() != null) {
            address = RobotMessages.signedDingtalkUrl(address, channel.secret(), clock.millis());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        int errcode = answer.path("errcode").asInt(-1);
        if (errcode != 0) {
            throw new IOException("robot answered errcode " + errcode + " " + answer.path("errmsg").asString(""));
        }
    }

    private @Nullable String url(@Nullable String link) {
        return link == null ? null : baseUrl + link;
    }

    /** A channel could not deliver; the event publication stays incomplete. */
    static class DeliveryFailed extends RuntimeException {
        DeliveryFailed(String message) {
            super(message);
        }
    }
}
