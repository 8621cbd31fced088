package org.gongjian.programme.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.TagKind;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The initiative form (number and dates are checked on the data it becomes, after unit staff's
 * copies of the office's fields are filled in). Tags are edited as one box per kind, a name a line;
 * key figures and photo captions are not edited here (they come with an imported document or the API) and
 * are kept as they are.
 */
public class InitiativeForm {

    private @Nullable Integer number;
    private String title = "";
    private String category = "";
    private String leadUnit = "";
    private boolean leadUnitAssumed;
    private List<String> coUnits = new ArrayList<>();
    private @Nullable String summary;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endDate;
    @NotNull
    private @Nullable InitiativeStatus status = InitiativeStatus.NOT_STARTED;
    private @Nullable Integer version;
    /** The tags' names by kind, one a line; null when the request sent none (they are kept as they are). */
    private @Nullable Map<TagKind, String> tags;

    /** Between tag names: line breaks only, as a name may hold 、 or commas (北部制造、中部配套、南部应用). */
    private static final Pattern TAG_SEPARATOR = Pattern.compile("[\\r\\n]+");

    static InitiativeForm of(InitiativeData d, @Nullable Integer version) {
        InitiativeForm f = new InitiativeForm();
        f.number = d.number();
        f.title = d.title();
        f.category = d.category();
        f.leadUnit = d.leadUnit();
        f.leadUnitAssumed = d.leadUnitAssumed();
        f.coUnits = new ArrayList<>(d.coUnits());
        f.summary = d.summary();
        f.startDate = d.startDate();
        f.endDate = d.endDate();
        f.status = d.status();
        f.version = version;
        Map<TagKind, String> tags = emptyTags();
        for (InitiativeData.TagData t : d.tags()) {
            tags.merge(t.kind(), t.name(), (a, b) -> a.isEmpty() ? b : a + "\n" + b);
        }
        f.tags = tags;
        return f;
    }

    /** The data, keeping the tags, figures and photos of what it edits. */
    InitiativeData data(@Nullable InitiativeData existing) {
        return new InitiativeData(number == null ? 0 : number, title.strip(), category, leadUnit, leadUnitAssumed,
                coUnits == null ? List.of() : coUnits.stream().filter(c -> !c.isBlank()).toList(),
                Forms.blankToNull(summary), startDate, endDate, status,
                tags == null ? (existing == null ? List.of() : existing.tags()) : tagData(tags),
                existing == null ? List.of() : existing.figures(),
                existing == null ? List.of() : existing.photos());
    }

    /** Each kind's names in the order typed, without blanks or repeats. */
    private static List<InitiativeData.TagData> tagData(Map<TagKind, String> tags) {
        List<InitiativeData.TagData> out = new ArrayList<>();
        for (TagKind kind : TagKind.values()) {
            String text = tags.get(kind);
            if (text != null) {
                TAG_SEPARATOR.splitAsStream(text).map(String::strip).filter(n -> !n.isEmpty()).distinct()
                        .forEach(n -> out.add(new InitiativeData.TagData(kind, n)));
            }
        }
        return out;
    }

    private static Map<TagKind, String> emptyTags() {
        Map<TagKind, String> m = new EnumMap<>(TagKind.class);
        for (TagKind k : TagKind.values()) {
            m.put(k, "");
        }
        return m;
    }

    /** Unit staff change what they report; who leads it, its number, category and dates stay the office's. */
    void keepAssignmentOf(InitiativeData existing) {
        number = existing.number();
        title = existing.title();
        category = existing.category();
        leadUnit = existing.leadUnit();
        leadUnitAssumed = existing.leadUnitAssumed();
        coUnits = new ArrayList<>(existing.coUnits());
        startDate = existing.startDate();
        endDate = existing.endDate();
    }

    public @Nullable Integer getNumber() { return number; }
    public void setNumber(@Nullable Integer v) { number = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getCategory() { return category; }
    public void setCategory(String v) { category = v; }
    public String getLeadUnit() { return leadUnit; }
    public void setLeadUnit(String v) { leadUnit = v; }
    public boolean isLeadUnitAssumed() { return leadUnitAssumed; }
    public void setLeadUnitAssumed(boolean v) { leadUnitAssumed = v; }
    public List<String> getCoUnits() { return coUnits; }
    public void setCoUnits(List<String> v) { coUnits = v; }
    public @Nullable String getSummary() { return summary; }
    public void setSummary(@Nullable String v) { summary = v; }
    public @Nullable LocalDate getStartDate() { return startDate; }
    public void setStartDate(@Nullable LocalDate v) { startDate = v; }
    public @Nullable LocalDate getEndDate() { return endDate; }
    public void setEndDate(@Nullable LocalDate v) { endDate = v; }
    public @Nullable InitiativeStatus getStatus() { return status; }
    public void setStatus(@Nullable InitiativeStatus v) { status = v; }
    public @Nullable Integer getVersion() { return version; }
    public void setVersion(@Nullable Integer v) { version = v; }
    public @Nullable Map<TagKind, String> getTags() { return tags; }
    public void setTags(@Nullable Map<TagKind, String> v) { tags = v; }
}
