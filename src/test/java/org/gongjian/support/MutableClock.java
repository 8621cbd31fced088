package org.gongjian.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test can set, in the city's time zone: "today" is whatever the test says it is. */
public final class MutableClock extends Clock {

    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now;

    public MutableClock(LocalDateTime start) {
        this.now = new AtomicReference<>(start.atZone(CITY).toInstant());
    }

    public void set(LocalDateTime time) {
        now.set(time.atZone(CITY).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return CITY;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
