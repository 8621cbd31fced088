package org.gongjian.organisation;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A body that leads, co-leads, awards or reports: a department, a town, a committee, a consortium. */
@Table("organisation_unit")
public class Unit {

    private @Id @Nullable Long id;
    private @Version @Nullable Integer version;
    private String code;
    private String name;
    private @Nullable String shortName;
    private @Nullable String nameEn;
    private UnitKind kind;
    private @Nullable Long parentId;
    private @Nullable String divisionCode;
    private boolean assumed;
    private @Nullable String note;
    private boolean active = true;

    Unit(String code, String name, UnitKind kind) {
        this.code = code;
        this.name = name;
        this.kind = kind;
    }

    static Unit create(UnitData data, @Nullable Long parentId) {
        Unit unit = new Unit(data.code(), data.name(), data.kind());
        unit.apply(data, parentId);
        return unit;
    }

    void apply(UnitData data, @Nullable Long parentId) {
        this.name = data.name();
        this.shortName = data.shortName();
        this.nameEn = data.nameEn();
        this.kind = data.kind();
        this.parentId = parentId;
        this.divisionCode = data.divisionCode();
        this.assumed = data.assumed();
        this.note = data.note();
    }

    public Long id() { return java.util.Objects.requireNonNull(id, "unit not saved yet"); }

    public @Nullable Integer version() { return version; }

    public String code() { return code; }

    public String name() { return name; }

    /** The short name used in tables (长沙街道 for 长沙街道办事处); the full name where none is set. */
    public String shortName() { return shortName != null ? shortName : name; }

    public @Nullable String nameEn() { return nameEn; }

    public UnitKind kind() { return kind; }

    public @Nullable Long parentId() { return parentId; }

    public @Nullable String divisionCode() { return divisionCode; }

    /** True when the unit's role was assumed by us and awaits the city's confirmation. */
    public boolean assumed() { return assumed; }

    public @Nullable String note() { return note; }

    public boolean active() { return active; }

    public String displayName(java.util.Locale locale) {
        return !"zh".equals(locale.getLanguage()) && nameEn != null ? nameEn : shortName();
    }
}
