package org.gongjian.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

/** A form with its versions (newest last) and its assignments. */
public record Form(long id, String code, String title, boolean demo, List<Version> versions,
        List<Assignment> assignments) {

    public enum VersionStatus { DRAFT, PUBLISHED }

    /**
     * A version of a form's definition. A published one never changes; it applies to the periods that
     * start on or after {@code effectiveFrom} (the first version to every period).
     */
    public record Version(long id, int number, VersionStatus status, @Nullable LocalDate effectiveFrom,
            FormDefinition definition, Instant createdAt, String createdBy, @Nullable Instant publishedAt,
            int rowVersion) {
    }

    /**
     * Who fills the form and when: the units named, or all active units of a kind ({@code TOWN_LEVEL}: the
     * 16 towns, subdistricts and 翠山湖); each gets one return per period of the cycle, due {@code dueDays}
     * after the period's end (0: on its last day, e.g. 30 June and 31 December for a half-yearly report),
     * reminded {@code reminderDays} working days before.
     */
    public record Assignment(long id, List<String> unitCodes, @Nullable String unitKind, Cycle cycle, int dueDays,
            int reminderDays, LocalDate startsOn, @Nullable LocalDate endsOn) {
    }

    public Version version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("forms.error.version-not-found", code, number));
    }

    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    /** The published version that applies to a period starting on a day. */
    public Optional<Version> applying(LocalDate periodStart) {
        Version found = null;
        for (Version v : versions) {
            if (v.status() == VersionStatus.PUBLISHED
                    && (v.effectiveFrom() == null || !v.effectiveFrom().isAfter(periodStart))) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<Version> latestPublished() {
        return versions.stream().filter(v -> v.status() == VersionStatus.PUBLISHED).reduce((a, b) -> b);
    }
}
