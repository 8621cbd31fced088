package org.gongjian.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The group-robot message formats. WeCom (企业微信): {@code {"msgtype":"markdown","markdown":{"content":…}}},
 * or a text message mentioning everyone when urgent. DingTalk (钉钉): {@code {"msgtype":"markdown",
 * "markdown":{"title":…,"text":…},"at":{"isAtAll":…}}}, signed when the robot has a secret:
 * {@code &timestamp=…&sign=urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret)))}.
 */
final class RobotMessages {

    private RobotMessages() {
    }

    static Map<String, Object> wecom(NotificationRequested m, @Nullable String url) {
        Map<String, Object> message = new LinkedHashMap<>();
        if (m.urgent()) {
            message.put("msgtype", "text");
            message.put("text", Map.of("content", m.title() + "\n" + m.body() + (url == null ? "" : "\n" + url),
                    "mentioned_list", List.of("@all")));
        } else {
            message.put("msgtype", "markdown");
            message.put("markdown", Map.of("content", "**" + m.title() + "**\n" + quote(m.body())
                    + (url == null ? "" : "\n[查看详情](" + url + ")")));
        }
        return message;
    }

    static Map<String, Object> dingtalk(NotificationRequested m, @Nullable String url) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgtype", "markdown");
        message.put("markdown", Map.of("title", m.title(), "text", "#### " + m.title() + "\n\n" + quote(m.body())
                + (url == null ? "" : "\n\n[查看详情](" + url + ")")));
        message.put("at", Map.of("isAtAll", m.urgent()));
        return message;
    }

    /** The DingTalk webhook URL with timestamp and signature appended. */
    static String signedDingtalkUrl(String webhook, String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sign = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(sign), StandardCharsets.UTF_8);
            return webhook + (webhook.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign=" + encoded;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String body) {
        return "> " + body.replace("\n", "\n> ");
    }
}
