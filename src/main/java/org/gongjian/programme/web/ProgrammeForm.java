package org.gongjian.programme.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongjian.programme.ProgrammeData;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The programme form: its fields, the slogans one per line, and rows of categories (blank rows are ignored). */
public class ProgrammeForm {

    static final int SPARE_CATEGORY_ROWS = 3;

    private String code = "";
    @NotNull
    private @Nullable Integer year;
    private String title = "";
    private @Nullable String subtitle;
    private @Nullable String theme;
    private @Nullable String leadText;
    private @Nullable String credits;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endDate;
    private String slogans = "";
    private List<CategoryRow> categories = new ArrayList<>();
    private @Nullable Integer version;

    /** One category row. */
    public static class CategoryRow {
        private String code = "";
        private String name = "";
        private @Nullable String nameEn;

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public @Nullable String getNameEn() { return nameEn; }
        public void setNameEn(@Nullable String v) { nameEn = v; }

        boolean isBlank() {
            return code.isBlank() && name.isBlank() && (nameEn == null || nameEn.isBlank());
        }
    }

    static ProgrammeForm of(ProgrammeData d, @Nullable Integer version) {
        ProgrammeForm f = new ProgrammeForm();
        f.code = d.code();
        f.year = d.year();
        f.title = d.title();
        f.subtitle = d.subtitle();
        f.theme = d.theme();
        f.leadText = d.leadText();
        f.credits = d.credits();
        f.startDate = d.startDate();
        f.endDate = d.endDate();
        f.slogans = String.join("\n", d.slogans());
        for (CategoryData c : d.categories()) {
            CategoryRow row = new CategoryRow();
            row.code = c.code();
            row.name = c.name();
            row.nameEn = c.nameEn();
            f.categories.add(row);
        }
        f.version = version;
        return f;
    }

    /** Adds empty rows so that new categories can be typed in without script. */
    ProgrammeForm withSpareRows() {
        long blank = categories.stream().filter(CategoryRow::isBlank).count();
        for (long i = blank; i < SPARE_CATEGORY_ROWS; i++) {
            categories.add(new CategoryRow());
        }
        return this;
    }

    ProgrammeData data() {
        List<String> lines = Arrays.stream(slogans.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<CategoryData> cats = categories.stream().filter(c -> !c.isBlank())
                .map(c -> new CategoryData(c.code.strip(), c.name.strip(), Forms.blankToNull(c.nameEn))).toList();
        return new ProgrammeData(code.strip(), year == null ? 0 : year, title.strip(), Forms.blankToNull(subtitle),
                Forms.blankToNull(theme), Forms.blankToNull(leadText), Forms.blankToNull(credits), startDate, endDate,
                lines, cats);
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public @Nullable Integer getYear() { return year; }
    public void setYear(@Nullable Integer v) { year = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public @Nullable String getSubtitle() { return subtitle; }
    public void setSubtitle(@Nullable String v) { subtitle = v; }
    public @Nullable String getTheme() { return theme; }
    public void setTheme(@Nullable String v) { theme = v; }
    public @Nullable String getLeadText() { return leadText; }
    public void setLeadText(@Nullable String v) { leadText = v; }
    public @Nullable String getCredits() { return credits; }
    public void setCredits(@Nullable String v) { credits = v; }
    public @Nullable LocalDate getStartDate() { return startDate; }
    public void setStartDate(@Nullable LocalDate v) { startDate = v; }
    public @Nullable LocalDate getEndDate() { return endDate; }
    public void setEndDate(@Nullable LocalDate v) { endDate = v; }
    public String getSlogans() { return slogans; }
    public void setSlogans(String v) { slogans = v; }
    public List<CategoryRow> getCategories() { return categories; }
    public void setCategories(List<CategoryRow> v) { categories = v; }
    public @Nullable Integer getVersion() { return version; }
    public void setVersion(@Nullable Integer v) { version = v; }
}
