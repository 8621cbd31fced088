package org.gongjian.ecology;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named GEP account (e.g. 赤水镇2023年森林GEP核算) with its versions, newest last. A version is a
 * stored run; once published it never changes, and a recomputation is a new version.
 */
public record GepAccount(long id, String code, String name, int accountingYear, Kind kind, boolean demo,
        Instant createdAt, String createdBy, List<Version> versions) {

    /** What an account is computed from: forest inventories (stands), or GeoTIFF layers pixel by pixel (栅格). */
    public enum Kind { STANDS, RASTER }

    /** The lifecycle of a version. */
    public enum Status { DRAFT, PUBLISHED }

    /** One stored run and its headline figures. */
    public record Version(long id, int number, Status status, String method, String referenceVersion,
            String referenceSha, BigDecimal totalValue, BigDecimal forestArea, @Nullable BigDecimal perHectare,
            @Nullable BigDecimal carbonSink, @Nullable String note, Instant createdAt, String createdBy,
            @Nullable LocalDate publishedOn, @Nullable String publishedBy, List<TownFigures> towns) {
    }

    /** A town's headline figures in a version: what publishing feeds to the targets. */
    public record TownFigures(String town, BigDecimal forestArea, BigDecimal gepTotal, @Nullable BigDecimal perHectare,
            @Nullable BigDecimal carbonSink) {
    }

    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    /** The newest published version, or null. */
    public @Nullable Version published() {
        Version found = null;
        for (Version v : versions) {
            if (v.status() == Status.PUBLISHED) {
                found = v;
            }
        }
        return found;
    }

    public Version version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new org.gongjian.shared.NotFoundException("ecology.error.version-not-found", code, number));
    }
}
