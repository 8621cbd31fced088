package org.gongjian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.gongjian.GongjianApplication;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeManagement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A notice raised while the robot is unreachable leaves its delivery incomplete in the event publication
 * registry. The application stops ("crashes"); when it starts again on the same database it resubmits the
 * incomplete publication and the robot gets the message, once.
 */
class DeliveryAfterCrashTests {

    static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(GongjianApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:" + database
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--gongjian.notification.retry-every=PT1H");
    }

    /** Incomplete publications to the notification module's listeners (the ledgers' demos publish meanwhile). */
    static long incomplete(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class).sql("""
                select count(*) from event_publication
                 where completion_date is null and listener_id like 'org.gongjian.notification.%'""")
                .query(Long.class).single();
    }

    @Test
    void an_incomplete_delivery_is_resubmitted_on_restart_and_sent_once() {
        String database = "crash-" + UUID.randomUUID();
        try (RobotReceiver robot = new RobotReceiver()) {
            robot.down = true;
            long noticeId;
            try (ConfigurableApplicationContext first = start(database)) {
                first.getBean(org.gongjian.organisation.Accounts.class).create("longsheng-clerk", "龙胜镇填报员", "staff-secret-1",
                        first.getBean(org.gongjian.organisation.Organisation.class).unit("longsheng").id(),
                        java.util.Set.of(org.gongjian.organisation.Role.UNIT_STAFF));
                first.getBean(Channels.class).add("longsheng", ChannelKind.WECOM, robot.url("/longsheng/send?key=k"), null);
                noticeId = first.getBean(NoticeManagement.class).raise("kaiping-2024", new NoticeManagement.ManualNotice(
                        "longsheng", null, "龙胜镇未按期报送改革进展", "请补报。", null, NoticeLevel.REMINDER, null)).id();
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from notification_delivery where status = 'FAILED'").query(Long.class).single() == 1);
                assertThat(incomplete(first)).as("the webhook delivery stays incomplete").isEqualTo(1);
            }
            robot.down = false;
            try (ConfigurableApplicationContext second = start(database)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> robot.at("/longsheng/send").size() == 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(second) == 0);
                assertThat(robot.at("/longsheng/send").get(0).body()).contains("龙胜镇未按期报送改革进展");
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select status from notification_delivery where message_key like :k")
                        .param("k", "notice:" + noticeId + ":%").query(String.class).list()).containsExactly("SENT");
                assertThat(jdbc.sql("select count(*) from notification_inbox where message_key like :k")
                        .param("k", "notice:" + noticeId + ":%").query(Long.class).single())
                        .as("the inbox was delivered before the crash and not again").isEqualTo(1);
            }
            assertThat(robot.at("/longsheng/send")).hasSize(1);
        }
    }
}
