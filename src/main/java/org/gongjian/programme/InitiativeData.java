package org.gongjian.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.shared.PartialDate;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/** An initiative's own fields; units are named by their codes. */
public record InitiativeData(
        @Min(1) @Max(999) int number,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 64) String category,
        @NotBlank @Size(max = 64) String leadUnit,
        boolean leadUnitAssumed,
        @NotNull @Size(max = 100) List<@NotBlank String> coUnits,
        @Size(max = 8000) @Nullable String summary,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull InitiativeStatus status,
        @NotNull @Size(max = 200) List<@Valid @NotNull TagData> tags,
        @NotNull @Size(max = 100) List<@Valid @NotNull FigureData> figures,
        @NotNull @Size(max = 50) List<@Valid @NotNull PhotoData> photos) {

    /** A place, road, project, business, document, slogan or keyword the initiative names. */
    public record TagData(@NotNull TagKind kind, @NotBlank @Size(max = 200) String name) {
    }

    /**
     * A key figure with its unit that is a fact, not a goal: 计划总投资约68亿元, 从业人员超6万人.
     * Money is in 元 (or 美元) exactly.
     */
    public record FigureData(
            @NotBlank @Size(max = 200) String label,
            @NotNull BigDecimal value,
            @Nullable BigDecimal valueMax,
            @NotNull UnitOfMeasure unit,
            @NotNull Qualifier qualifier,
            @Nullable PartialDate asOf,
            @Size(max = 1000) @Nullable String note) {
    }

    /** A photo's caption as the article prints it, with its credit (周华东摄). */
    public record PhotoData(@NotBlank @Size(max = 1000) String caption, @Size(max = 100) @Nullable String credit) {
    }

    /** A planned value on a date, for targets whose path is not a straight line. */
    public record PlannedPointData(@NotNull LocalDate date, @NotNull @DecimalMin("-1e17") BigDecimal value) {
    }
}
