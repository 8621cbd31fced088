package org.gongjian.programme;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A dated node (节点) of an initiative, e.g. 三个月建成框架 by 2025-03-05. */
@Table("programme_milestone")
public class Milestone {

    private @Id @Nullable Long id;
    private @Version @Nullable Integer version;
    private Long programmeId;
    private Long initiativeId;
    private String title;
    private LocalDate dueDate;
    private boolean dueAssumed;
    private @Nullable LocalDate startedOn;
    private @Nullable LocalDate completedOn;
    private @Nullable String note;

    Milestone(Long programmeId, Long initiativeId, String title, LocalDate dueDate) {
        this.programmeId = programmeId;
        this.initiativeId = initiativeId;
        this.title = title;
        this.dueDate = dueDate;
    }

    static Milestone create(Long programmeId, Long initiativeId, MilestoneData data) {
        Milestone milestone = new Milestone(programmeId, initiativeId, data.title(), data.dueDate());
        milestone.apply(data);
        return milestone;
    }

    void apply(MilestoneData data) {
        this.title = data.title();
        this.dueDate = data.dueDate();
        this.dueAssumed = data.dueAssumed();
        this.startedOn = data.startedOn();
        this.completedOn = data.completedOn();
        this.note = data.note();
    }

    public MilestoneData data() {
        return new MilestoneData(title, dueDate, dueAssumed, startedOn, completedOn, note);
    }

    public Long id() { return Objects.requireNonNull(id, "milestone not saved yet"); }

    public int version() { return version == null ? 0 : version; }

    public Long programmeId() { return programmeId; }

    public Long initiativeId() { return initiativeId; }

    public String title() { return title; }

    public LocalDate dueDate() { return dueDate; }

    public @Nullable LocalDate startedOn() { return startedOn; }

    public @Nullable LocalDate completedOn() { return completedOn; }

    public boolean isCompleted() { return completedOn != null; }
}
