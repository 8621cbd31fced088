package org.gongjian.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** One year's reform programme (e.g. 开平市2024年改革攻坚年): its theme, slogans and categories. */
@Table("programme")
public class Programme {

    private @Id @Nullable Long id;
    private @Version @Nullable Integer version;
    private String code;
    @Column("plan_year")
    private int year;
    private String title;
    private @Nullable String subtitle;
    private @Nullable String theme;
    private @Nullable String leadText;
    private @Nullable String credits;
    private LocalDate startDate;
    private LocalDate endDate;
    @MappedCollection(idColumn = "programme_id", keyColumn = "position")
    private List<Slogan> slogans = new ArrayList<>();
    @MappedCollection(idColumn = "programme_id", keyColumn = "position")
    private List<Category> categories = new ArrayList<>();

    Programme(String code, String title, LocalDate startDate, LocalDate endDate) {
        this.code = code;
        this.title = title;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    static Programme create(ProgrammeData data) {
        Programme programme = new Programme(data.code(), data.title(), data.startDate(), data.endDate());
        programme.apply(data);
        return programme;
    }

    void apply(ProgrammeData data) {
        this.year = data.year();
        this.title = data.title();
        this.subtitle = data.subtitle();
        this.theme = data.theme();
        this.leadText = data.leadText();
        this.credits = data.credits();
        this.startDate = data.startDate();
        this.endDate = data.endDate();
        this.slogans = data.slogans().stream().map(Slogan::new).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        this.categories = data.categories().stream().map(c -> new Category(c.code(), c.name(), c.nameEn()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    public ProgrammeData data() {
        return new ProgrammeData(code, year, title, subtitle, theme, leadText, credits, startDate, endDate,
                slogans.stream().map(Slogan::text).toList(),
                categories.stream().map(c -> new CategoryData(c.code(), c.name(), c.nameEn())).toList());
    }

    public Long id() { return Objects.requireNonNull(id, "programme not saved yet"); }

    public int version() { return version == null ? 0 : version; }

    public String code() { return code; }

    public int year() { return year; }

    public String title() { return title; }

    public @Nullable String subtitle() { return subtitle; }

    public @Nullable String theme() { return theme; }

    public LocalDate startDate() { return startDate; }

    public LocalDate endDate() { return endDate; }

    public List<CategoryData> categories() {
        return data().categories();
    }

    public Optional<CategoryData> category(String categoryCode) {
        return categories().stream().filter(c -> c.code().equals(categoryCode)).findFirst();
    }

    @Table("programme_slogan")
    record Slogan(String text) {
    }

    @Table("programme_category")
    record Category(String code, String name, @Nullable String nameEn) {
    }
}
