package org.gongjian.programme.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.gongjian.programme.MilestoneData;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The milestone form: what and when, and when it was started and completed. */
public class MilestoneForm {

    private String title = "";
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate dueDate;
    private boolean dueAssumed;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startedOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate completedOn;
    private @Nullable String note;
    private @Nullable Integer version;

    static MilestoneForm of(MilestoneData d, @Nullable Integer version) {
        MilestoneForm f = new MilestoneForm();
        f.title = d.title();
        f.dueDate = d.dueDate();
        f.dueAssumed = d.dueAssumed();
        f.startedOn = d.startedOn();
        f.completedOn = d.completedOn();
        f.note = d.note();
        f.version = version;
        return f;
    }

    MilestoneData data() {
        return new MilestoneData(title.strip(), dueDate, dueAssumed, startedOn, completedOn, Forms.blankToNull(note));
    }

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public @Nullable LocalDate getDueDate() { return dueDate; }
    public void setDueDate(@Nullable LocalDate v) { dueDate = v; }
    public boolean isDueAssumed() { return dueAssumed; }
    public void setDueAssumed(boolean v) { dueAssumed = v; }
    public @Nullable LocalDate getStartedOn() { return startedOn; }
    public void setStartedOn(@Nullable LocalDate v) { startedOn = v; }
    public @Nullable LocalDate getCompletedOn() { return completedOn; }
    public void setCompletedOn(@Nullable LocalDate v) { completedOn = v; }
    public @Nullable String getNote() { return note; }
    public void setNote(@Nullable String v) { note = v; }
    public @Nullable Integer getVersion() { return version; }
    public void setVersion(@Nullable Integer v) { version = v; }
}
