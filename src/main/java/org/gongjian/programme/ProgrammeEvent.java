package org.gongjian.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.gongjian.shared.DatePrecision;
import org.gongjian.shared.PartialDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An entry of a programme's chronicle (大事记), usually of one initiative. */
@Table("programme_event")
public class ProgrammeEvent {

    private @Id @Nullable Long id;
    private @Version @Nullable Integer version;
    private Long programmeId;
    private @Nullable Long initiativeId;
    private LocalDate eventDate;
    private DatePrecision datePrecision;
    private String title;
    private @Nullable String text;
    private @Nullable String place;
    @MappedCollection(idColumn = "event_id", keyColumn = "position")
    private List<UnitLink> units = new ArrayList<>();

    ProgrammeEvent(Long programmeId, LocalDate eventDate, DatePrecision datePrecision, String title) {
        this.programmeId = programmeId;
        this.eventDate = eventDate;
        this.datePrecision = datePrecision;
        this.title = title;
    }

    static ProgrammeEvent create(Long programmeId, @Nullable Long initiativeId, EventData data, List<Long> unitIds) {
        ProgrammeEvent event = new ProgrammeEvent(programmeId, data.date().start(), data.date().precision(), data.title());
        event.apply(initiativeId, data, unitIds);
        return event;
    }

    void apply(@Nullable Long initiativeId, EventData data, List<Long> unitIds) {
        this.initiativeId = initiativeId;
        this.eventDate = data.date().start();
        this.datePrecision = data.date().precision();
        this.title = data.title();
        this.text = data.text();
        this.place = data.place();
        this.units = new ArrayList<>(unitIds.stream().map(UnitLink::new).toList());
    }

    public EventData data(@Nullable Integer initiativeNumber, Function<Long, String> unitCode) {
        return new EventData(initiativeNumber, date(), title, text, place,
                units.stream().map(u -> unitCode.apply(u.unitId())).toList());
    }

    public Long id() { return Objects.requireNonNull(id, "event not saved yet"); }

    public int version() { return version == null ? 0 : version; }

    public Long programmeId() { return programmeId; }

    public @Nullable Long initiativeId() { return initiativeId; }

    public PartialDate date() { return new PartialDate(eventDate, datePrecision); }

    public String title() { return title; }

    public @Nullable String text() { return text; }

    public @Nullable String place() { return place; }

    public List<Long> unitIds() { return units.stream().map(UnitLink::unitId).toList(); }

    @Table("programme_event_unit")
    record UnitLink(Long unitId) {
    }
}
