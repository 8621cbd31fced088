package org.gongjian.ipcentre;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A design case's clocks: the pre-examination leg (submitted → passed), the CNIPA leg (filed → granted)
 * and the total (submitted → granted), each in calendar days and in working days on the one calendar. A
 * running leg counts to the day asked for.
 */
public record Clocks(Leg preExam, Leg cnipa, Leg total) {

    /** Not started, within its limit, near it (amber), past it (red). */
    public enum Light { NONE, GREEN, AMBER, RED }

    /**
     * One leg.
     *
     * @param limitWorkingDays the policy's limit in working days
     * @param due              the last working day within the limit
     * @param provisional      whether a day counted lies in a year whose holiday notice is not entered
     */
    public record Leg(@Nullable LocalDate from, @Nullable LocalDate to, boolean running, int calendarDays,
            int workingDays, int limitWorkingDays, @Nullable LocalDate due, Light light, boolean provisional) {

        static Leg notStarted(int limit) {
            return new Leg(null, null, false, 0, 0, limit, null, Light.NONE, false);
        }
    }

    /** The worst light of the three. */
    public Light worst() {
        Light worst = Light.NONE;
        for (Leg leg : new Leg[] {preExam, cnipa, total}) {
            if (leg.light().ordinal() > worst.ordinal()) {
                worst = leg.light();
            }
        }
        return worst;
    }
}
