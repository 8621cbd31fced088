package org.gongjian.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gongjian.programme.InitiativeData.FigureData;
import org.gongjian.programme.InitiativeData.PhotoData;
import org.gongjian.programme.InitiativeData.TagData;
import org.gongjian.shared.Decimals;
import org.gongjian.shared.PartialDate;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A key reform task (攻坚任务): numbered within its programme, led by one unit with co-units, with its
 * tags, key figures and photo captions. Targets, milestones, events and honours refer to it.
 */
@Table("programme_initiative")
public class Initiative {

    private @Id @Nullable Long id;
    private @Version @Nullable Integer version;
    private Long programmeId;
    private int number;
    private String title;
    private String categoryCode;
    private Long leadUnitId;
    private boolean leadUnitAssumed;
    private @Nullable String summary;
    private LocalDate startDate;
    private LocalDate endDate;
    private InitiativeStatus status;
    @MappedCollection(idColumn = "initiative_id", keyColumn = "position")
    private List<CoUnit> coUnits = new ArrayList<>();
    @MappedCollection(idColumn = "initiative_id", keyColumn = "position")
    private List<Tag> tags = new ArrayList<>();
    @MappedCollection(idColumn = "initiative_id", keyColumn = "position")
    private List<Figure> figures = new ArrayList<>();
    @MappedCollection(idColumn = "initiative_id", keyColumn = "position")
    private List<Photo> photos = new ArrayList<>();

    Initiative(Long programmeId, int number, String title, String categoryCode, Long leadUnitId,
            LocalDate startDate, LocalDate endDate, InitiativeStatus status) {
        this.programmeId = programmeId;
        this.number = number;
        this.title = title;
        this.categoryCode = categoryCode;
        this.leadUnitId = leadUnitId;
        this.startDate = startDate;
        this.endDate = endDate;
        this.status = status;
    }

    static Initiative create(Long programmeId, InitiativeData data, Long leadUnitId, List<Long> coUnitIds) {
        Initiative initiative = new Initiative(programmeId, data.number(), data.title(), data.category(), leadUnitId,
                data.startDate(), data.endDate(), data.status());
        initiative.apply(data, leadUnitId, coUnitIds);
        return initiative;
    }

    void apply(InitiativeData data, Long leadUnitId, List<Long> coUnitIds) {
        this.number = data.number();
        this.title = data.title();
        this.categoryCode = data.category();
        this.leadUnitId = leadUnitId;
        this.leadUnitAssumed = data.leadUnitAssumed();
        this.summary = data.summary();
        this.startDate = data.startDate();
        this.endDate = data.endDate();
        this.status = data.status();
        this.coUnits = new ArrayList<>(coUnitIds.stream().map(CoUnit::new).toList());
        this.tags = new ArrayList<>(data.tags().stream().map(t -> new Tag(t.kind(), t.name())).toList());
        this.figures = new ArrayList<>(data.figures().stream()
                .map(f -> new Figure(f.label(), f.value(), f.valueMax(), f.unit(), f.qualifier(),
                        f.asOf() == null ? null : f.asOf().toString(), f.note()))
                .toList());
        this.photos = new ArrayList<>(data.photos().stream().map(p -> new Photo(p.caption(), p.credit())).toList());
    }

    /** The initiative's fields, with units named by the codes the lookup gives. */
    public InitiativeData data(java.util.function.Function<Long, String> unitCode) {
        return new InitiativeData(number, title, categoryCode, unitCode.apply(leadUnitId), leadUnitAssumed,
                coUnits.stream().map(c -> unitCode.apply(c.unitId())).toList(), summary, startDate, endDate, status,
                tags.stream().map(t -> new TagData(t.kind(), t.name())).toList(),
                figures.stream().map(Figure::data).toList(),
                photos.stream().map(p -> new PhotoData(p.caption(), p.credit())).toList());
    }

    public Long id() { return Objects.requireNonNull(id, "initiative not saved yet"); }

    public int version() { return version == null ? 0 : version; }

    public Long programmeId() { return programmeId; }

    public int number() { return number; }

    public String title() { return title; }

    public String categoryCode() { return categoryCode; }

    public Long leadUnitId() { return leadUnitId; }

    public boolean leadUnitAssumed() { return leadUnitAssumed; }

    public @Nullable String summary() { return summary; }

    public LocalDate startDate() { return startDate; }

    public LocalDate endDate() { return endDate; }

    public InitiativeStatus status() { return status; }

    public List<Long> coUnitIds() {
        return coUnits.stream().map(CoUnit::unitId).toList();
    }

    /** The lead unit and the co-units: who may edit and report for this initiative. */
    public Set<Long> responsibleUnitIds() {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(leadUnitId);
        ids.addAll(coUnitIds());
        return ids;
    }

    public List<TagData> tags() {
        return tags.stream().map(t -> new TagData(t.kind(), t.name())).toList();
    }

    public List<FigureData> figures() {
        return figures.stream().map(Figure::data).toList();
    }

    @Table("programme_initiative_unit")
    record CoUnit(Long unitId) {
    }

    @Table("programme_initiative_tag")
    record Tag(TagKind kind, String name) {
    }

    @Table("programme_initiative_figure")
    record Figure(String label, java.math.BigDecimal amount, java.math.@Nullable BigDecimal amountMax,
            UnitOfMeasure unit, Qualifier qualifier, @Nullable String asOf, @Nullable String note) {

        FigureData data() {
            return new FigureData(label, java.util.Objects.requireNonNull(Decimals.normal(amount)),
                    Decimals.normal(amountMax), unit, qualifier,
                    asOf == null ? null : PartialDate.parse(asOf), note);
        }
    }

    @Table("programme_initiative_photo")
    record Photo(String caption, @Nullable String credit) {
    }
}
