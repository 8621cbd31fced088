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
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A pilot or demonstration title (试点示范) pursued or won, and the bodies that grant it. */
@Table("programme_honour")
public class Honour {

    private @Id @Nullable Long id;
    private @Version @Nullable Integer version;
    private Long programmeId;
    private @Nullable Long initiativeId;
    private String name;
    private HonourKind kind;
    private HonourLevel level;
    @Column("award_date")
    private LocalDate date;
    private DatePrecision datePrecision;
    private HonourStatus status;
    private @Nullable String note;
    @MappedCollection(idColumn = "honour_id", keyColumn = "position")
    private List<BodyLink> bodies = new ArrayList<>();

    Honour(Long programmeId, String name, HonourKind kind, HonourLevel level, LocalDate date,
            DatePrecision datePrecision, HonourStatus status) {
        this.programmeId = programmeId;
        this.name = name;
        this.kind = kind;
        this.level = level;
        this.date = date;
        this.datePrecision = datePrecision;
        this.status = status;
    }

    static Honour create(Long programmeId, @Nullable Long initiativeId, HonourData data, List<Long> bodyIds) {
        Honour honour = new Honour(programmeId, data.name(), data.kind(), data.level(), data.date().start(),
                data.date().precision(), data.status());
        honour.apply(initiativeId, data, bodyIds);
        return honour;
    }

    void apply(@Nullable Long initiativeId, HonourData data, List<Long> bodyIds) {
        this.initiativeId = initiativeId;
        this.name = data.name();
        this.kind = data.kind();
        this.level = data.level();
        this.date = data.date().start();
        this.datePrecision = data.date().precision();
        this.status = data.status();
        this.note = data.note();
        this.bodies = new ArrayList<>(bodyIds.stream().map(BodyLink::new).toList());
    }

    public HonourData data(@Nullable Integer initiativeNumber, Function<Long, String> unitCode) {
        return new HonourData(initiativeNumber, name, kind, level, date(), status,
                bodies.stream().map(b -> unitCode.apply(b.unitId())).toList(), note);
    }

    public Long id() { return Objects.requireNonNull(id, "honour not saved yet"); }

    public int version() { return version == null ? 0 : version; }

    public Long programmeId() { return programmeId; }

    public @Nullable Long initiativeId() { return initiativeId; }

    public String name() { return name; }

    public HonourKind kind() { return kind; }

    public HonourLevel level() { return level; }

    public @Nullable String note() { return note; }

    public HonourStatus status() { return status; }

    public PartialDate date() { return new PartialDate(date, datePrecision); }

    public List<Long> awardingBodyIds() { return bodies.stream().map(BodyLink::unitId).toList(); }

    @Table("programme_honour_body")
    record BodyLink(Long unitId) {
    }
}
