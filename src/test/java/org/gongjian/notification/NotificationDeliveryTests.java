package org.gongjian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeManagement;
import org.gongjian.supervision.NoticeView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notice reaches the town of 大沙 by e-mail (an in-process GreenMail SMTP server) and by its WeCom and
 * DingTalk group robots (a local HTTP receiver), once per channel, and after a channel comes back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NotificationDeliveryTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static final RobotReceiver robots = new RobotReceiver();
    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired NoticeManagement notices;
    @Autowired Channels channels;
    @Autowired JdbcClient jdbc;
    @Autowired IncompleteEventPublications incomplete;

    @AfterAll
    static void stop() {
        robots.close();
    }

    NoticeView raise(String unit, String title, NoticeLevel level) {
        return notices.raise("kaiping-2024", new NoticeManagement.ManualNotice(unit, null, title, "请说明进展。", null, level, null));
    }

    long ledger(String key, String status) {
        return jdbc.sql("select count(*) from notification_delivery where message_key like :k and status = :s")
                .param("k", key + "%").param("s", status).query(Long.class).single();
    }

    @Test
    void the_unit_mailbox_gets_the_notice_by_smtp_once() throws Exception {
        channels.add("dasha", ChannelKind.EMAIL, "dasha-office@kaiping.example.cn", null);
        NoticeView notice = raise("dasha", "报送大沙镇茶旅融合项目进展", NoticeLevel.REMINDER);
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("【提醒】下发：报送大沙镇茶旅融合项目进展");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("dasha-office@kaiping.example.cn");
        assertThat(mail.getContent().toString()).contains("/supervision/notices/" + notice.id());
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        Thread.sleep(1500);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(ledger("notice:" + notice.id() + ":RAISED", "SENT")).isEqualTo(1);
    }

    @Test
    void the_wecom_and_dingtalk_robots_get_their_own_message_formats_and_dingtalk_a_valid_signature() {
        channels.add("shuikou", ChannelKind.WECOM, robots.url("/cgi-bin/webhook/send?key=shuikou-key"), null);
        channels.add("shuikou", ChannelKind.DINGTALK, robots.url("/robot/send?access_token=shuikou-token"), "SEC-shuikou");
        NoticeView notice = raise("shuikou", "推进水口镇卫浴产业园建设", NoticeLevel.SUPERVISE);
        await().atMost(Duration.ofSeconds(20)).until(() -> robots.at("/cgi-bin/webhook/send").size() == 1
                && robots.at("/robot/send").size() == 1);

        JsonNode wecom = json.readTree(robots.at("/cgi-bin/webhook/send").get(0).body());
        assertThat(wecom.get("msgtype").asString()).isEqualTo("text");
        assertThat(wecom.get("text").get("content").asString()).startsWith("【督办】下发：" + notice.number() + " 推进水口镇卫浴产业园建设");
        assertThat(wecom.get("text").get("mentioned_list").get(0).asString()).isEqualTo("@all");

        RobotReceiver.Received ding = robots.at("/robot/send").get(0);
        JsonNode dingtalk = json.readTree(ding.body());
        assertThat(dingtalk.get("msgtype").asString()).isEqualTo("markdown");
        assertThat(dingtalk.get("markdown").get("title").asString()).contains("推进水口镇卫浴产业园建设");
        assertThat(dingtalk.get("markdown").get("text").asString()).startsWith("#### 【督办】").contains("[查看详情](http");
        assertThat(dingtalk.get("at").get("isAtAll").asBoolean()).isTrue();
        assertThat(ding.query()).startsWith("access_token=shuikou-token&timestamp=");
        String timestamp = ding.query().replaceAll(".*timestamp=(\\d+).*", "$1");
        String sign = URLDecoder.decode(ding.query().replaceAll(".*sign=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        assertThat(sign).isEqualTo(hmac("SEC-shuikou", timestamp + "\nSEC-shuikou"));
    }

    @Test
    void a_notice_raised_while_the_robot_is_down_is_delivered_once_when_it_comes_back() {
        channels.add("baihe", ChannelKind.WECOM, robots.url("/baihe/send?key=baihe-key"), null);
        robots.down = true;
        NoticeView notice;
        try {
            notice = raise("baihe", "百合镇乡村振兴示范带建设滞后", NoticeLevel.CHASE);
            String key = "notice:" + notice.id() + ":RAISED";
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger(key, "FAILED") == 1);
            assertThat(robots.at("/baihe/send")).isEmpty();
        } finally {
            robots.down = false;
        }
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        await().atMost(Duration.ofSeconds(20)).until(() -> robots.at("/baihe/send").size() == 1);
        String key = "notice:" + notice.id() + ":RAISED";
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger(key, "SENT") == 1);
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(robots.at("/baihe/send")).hasSize(1);
        assertThat(jdbc.sql("select attempts from notification_delivery where message_key like :k").param("k", key + "%")
                .query(Integer.class).single()).isEqualTo(2);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
