package org.gongjian.programme.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.InitiativeStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The initiative form (number and dates are checked on the data it becomes, after unit staff's
 * copies of the office's fields are filled in). Tags, key figures and photo captions are not edited here (they come with an
 * imported document or the API) and are kept as they are.
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
        return f;
    }

    /** The data, keeping the tags, figures and photos of what it edits. */
    InitiativeData data(@Nullable InitiativeData existing) {
        return new InitiativeData(number == null ? 0 : number, title.strip(), category, leadUnit, leadUnitAssumed,
                coUnits == null ? List.of() : coUnits.stream().filter(c -> !c.isBlank()).toList(),
                Forms.blankToNull(summary), startDate, endDate, status,
                existing == null ? List.of() : existing.tags(), existing == null ? List.of() : existing.figures(),
                existing == null ? List.of() : existing.photos());
    }

    /** Unit staff change what they report; who leads it, its number, category and dates stay the office's. */
    void keepAssignmentOf(InitiativeData existing) {
        number = existing.number();
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
}
