package org.gongjian.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.gongjian.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The rotating check-in code: valid for 60 s, bound to its activity, refused when forged. */
class QrTokensTests {

    private final MutableClock clock = new MutableClock(LocalDateTime.of(2025, 3, 10, 9, 0));
    private final QrTokens tokens = new QrTokens("", clock);

    @Test
    void a_token_is_valid_for_sixty_seconds_then_expired() {
        String token = tokens.issue(7);
        assertThat(tokens.check(token, 7, 60)).isEqualTo(QrTokens.Check.VALID);
        clock.set(LocalDateTime.of(2025, 3, 10, 9, 1, 0));
        assertThat(tokens.check(token, 7, 60)).isEqualTo(QrTokens.Check.VALID);
        clock.set(LocalDateTime.of(2025, 3, 10, 9, 1, 1));
        assertThat(tokens.check(token, 7, 60)).isEqualTo(QrTokens.Check.EXPIRED);
    }

    @Test
    void a_token_of_another_activity_a_changed_time_or_another_key_is_forged() {
        String token = tokens.issue(7);
        assertThat(tokens.check(token, 8, 60)).isEqualTo(QrTokens.Check.FORGED);
        String[] p = token.split("\\.");
        assertThat(tokens.check(p[0] + "." + (Long.parseLong(p[1]) + 30) + "." + p[2], 7, 60)).isEqualTo(QrTokens.Check.FORGED);
        assertThat(tokens.check(new QrTokens("", clock).issue(7), 7, 60)).isEqualTo(QrTokens.Check.FORGED);
        assertThat(tokens.check("7.x.y", 7, 60)).isEqualTo(QrTokens.Check.FORGED);
        assertThat(tokens.check("", 7, 60)).isEqualTo(QrTokens.Check.FORGED);
    }
}
