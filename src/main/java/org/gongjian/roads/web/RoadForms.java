package org.gongjian.roads.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.roads.ChiefLevel;
import org.gongjian.roads.DemoRoads;
import org.gongjian.roads.RoadChiefs;
import org.gongjian.roads.RoadStaff;
import org.gongjian.roads.Signboards;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The road office's page forms, field for field the records they edit, with the version they were read at
 * (optimistic locking: a save over someone else's change is refused and the form keeps what was typed).
 */
final class RoadForms {

    private RoadForms() {
    }

    /** A road chief's appointment. */
    public static class ChiefForm {
        private @Nullable String name;
        private @Nullable ChiefLevel level;
        private @Nullable String title;
        private @Nullable String username;
        private @Nullable String unitCode;
        private @Nullable String village;
        private @Nullable String phone;
        private @Nullable Long superiorId;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate appointedOn;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate endedOn;
        private int version;

        static ChiefForm of(RoadChiefs.Chief c) {
            ChiefForm f = new ChiefForm();
            f.name = c.name();
            f.level = c.level();
            f.title = c.title();
            f.username = c.username();
            f.unitCode = c.unitCode();
            f.village = c.village();
            f.phone = c.phone();
            f.superiorId = c.superiorId();
            f.appointedOn = c.appointedOn();
            f.endedOn = c.endedOn();
            f.version = c.version();
            return f;
        }

        RoadChiefs.NewChief data() {
            return new RoadChiefs.NewChief(name, level, title, username, unitCode, village, phone, superiorId, appointedOn);
        }

        public @Nullable String getName() { return name; }
        public void setName(@Nullable String v) { name = v; }
        public @Nullable ChiefLevel getLevel() { return level; }
        public void setLevel(@Nullable ChiefLevel v) { level = v; }
        public @Nullable String getTitle() { return title; }
        public void setTitle(@Nullable String v) { title = v; }
        public @Nullable String getUsername() { return username; }
        public void setUsername(@Nullable String v) { username = v; }
        public @Nullable String getUnitCode() { return unitCode; }
        public void setUnitCode(@Nullable String v) { unitCode = v; }
        public @Nullable String getVillage() { return village; }
        public void setVillage(@Nullable String v) { village = v; }
        public @Nullable String getPhone() { return phone; }
        public void setPhone(@Nullable String v) { phone = v; }
        public @Nullable Long getSuperiorId() { return superiorId; }
        public void setSuperiorId(@Nullable Long v) { superiorId = v; }
        public @Nullable LocalDate getAppointedOn() { return appointedOn; }
        public void setAppointedOn(@Nullable LocalDate v) { appointedOn = v; }
        public @Nullable LocalDate getEndedOn() { return endedOn; }
        public void setEndedOn(@Nullable LocalDate v) { endedOn = v; }
        public int getVersion() { return version; }
        public void setVersion(int v) { version = v; }
    }

    /** A member of the 两员 or a road guard. */
    public static class StaffForm {
        private @Nullable String name;
        private RoadStaff.@Nullable StaffRole role;
        private @Nullable String username;
        private @Nullable String phone;
        private @Nullable Long chiefId;
        private List<Long> segmentIds = new ArrayList<>();
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate validFrom;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate validTo;
        private int version;

        static StaffForm of(RoadStaff.Staff s) {
            StaffForm f = new StaffForm();
            f.name = s.name();
            f.role = s.role();
            f.username = s.username();
            f.phone = s.phone();
            f.chiefId = s.chiefId();
            f.segmentIds = new ArrayList<>(s.segmentIds());
            f.validFrom = s.validFrom();
            f.validTo = s.validTo();
            f.version = s.version();
            return f;
        }

        RoadStaff.StaffData data() {
            return new RoadStaff.StaffData(name, role, username, phone, chiefId, segmentIds == null ? List.of() : segmentIds,
                    validFrom, validTo);
        }

        public @Nullable String getName() { return name; }
        public void setName(@Nullable String v) { name = v; }
        public RoadStaff.@Nullable StaffRole getRole() { return role; }
        public void setRole(RoadStaff.@Nullable StaffRole v) { role = v; }
        public @Nullable String getUsername() { return username; }
        public void setUsername(@Nullable String v) { username = v; }
        public @Nullable String getPhone() { return phone; }
        public void setPhone(@Nullable String v) { phone = v; }
        public @Nullable Long getChiefId() { return chiefId; }
        public void setChiefId(@Nullable Long v) { chiefId = v; }
        public List<Long> getSegmentIds() { return segmentIds; }
        public void setSegmentIds(List<Long> v) { segmentIds = v; }
        public @Nullable LocalDate getValidFrom() { return validFrom; }
        public void setValidFrom(@Nullable LocalDate v) { validFrom = v; }
        public @Nullable LocalDate getValidTo() { return validTo; }
        public void setValidTo(@Nullable LocalDate v) { validTo = v; }
        public int getVersion() { return version; }
        public void setVersion(int v) { version = v; }
    }

    /** A signboard's place and texts (the names on it are the snapshot taken when it is recorded). */
    public static class SignboardForm {
        private @Nullable Long segmentId;
        private @Nullable BigDecimal lat;
        private @Nullable BigDecimal lng;
        private @Nullable String duties;
        private @Nullable String targets;
        private @Nullable String hotline;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate installedOn;
        private int version;

        static SignboardForm of(Signboards.Signboard b) {
            SignboardForm f = new SignboardForm();
            f.segmentId = b.segmentId();
            f.lat = b.lat();
            f.lng = b.lng();
            f.duties = text(b.shows("duties"));
            f.targets = text(b.shows("targets"));
            f.hotline = text(b.shows("hotline"));
            f.installedOn = b.installedOn();
            f.version = b.version();
            return f;
        }

        private static @Nullable String text(@Nullable Object o) {
            return o == null ? null : o.toString();
        }

        Signboards.SignboardData data() {
            return new Signboards.SignboardData(segmentId, lat, lng, duties, targets, hotline, installedOn);
        }

        public @Nullable Long getSegmentId() { return segmentId; }
        public void setSegmentId(@Nullable Long v) { segmentId = v; }
        public @Nullable BigDecimal getLat() { return lat; }
        public void setLat(@Nullable BigDecimal v) { lat = v; }
        public @Nullable BigDecimal getLng() { return lng; }
        public void setLng(@Nullable BigDecimal v) { lng = v; }
        public @Nullable String getDuties() { return duties; }
        public void setDuties(@Nullable String v) { duties = v; }
        public @Nullable String getTargets() { return targets; }
        public void setTargets(@Nullable String v) { targets = v; }
        public @Nullable String getHotline() { return hotline; }
        public void setHotline(@Nullable String v) { hotline = v; }
        public @Nullable LocalDate getInstalledOn() { return installedOn; }
        public void setInstalledOn(@Nullable LocalDate v) { installedOn = v; }
        public int getVersion() { return version; }
        public void setVersion(int v) { version = v; }
    }

    /** One line of a demonstration road's checklist. */
    public static class CriterionRow {
        private @Nullable String label;
        private boolean met;

        public @Nullable String getLabel() { return label; }
        public void setLabel(@Nullable String v) { label = v; }
        public boolean isMet() { return met; }
        public void setMet(boolean v) { met = v; }
    }

    /** A demonstration road, its checklist (with a few blank lines to add criteria) and its status. */
    public static class DemoRoadForm {
        static final int BLANK_ROWS = 3;

        private @Nullable String name;
        private @Nullable String routeCode;
        private @Nullable String townCode;
        private @Nullable BigDecimal lengthKm;
        private @Nullable String theme;
        private List<CriterionRow> criteria = new ArrayList<>();
        private DemoRoads.@Nullable Status status;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate openedOn;
        private int version;

        static DemoRoadForm of(DemoRoads.DemoRoad r) {
            DemoRoadForm f = new DemoRoadForm();
            f.name = r.name();
            f.routeCode = r.routeCode();
            f.townCode = r.townCode();
            f.lengthKm = r.lengthKm();
            f.theme = r.theme();
            for (DemoRoads.Criterion c : r.criteria()) {
                CriterionRow row = new CriterionRow();
                row.setLabel(c.label());
                row.setMet(c.met());
                f.criteria.add(row);
            }
            f.status = r.status();
            f.openedOn = r.openedOn();
            f.version = r.version();
            return f;
        }

        /** Adds blank lines until there are {@link #BLANK_ROWS} at the end, for new criteria. */
        DemoRoadForm withBlankRows() {
            long blank = criteria.stream().filter(c -> c.getLabel() == null || c.getLabel().isBlank()).count();
            for (long i = blank; i < BLANK_ROWS; i++) {
                criteria.add(new CriterionRow());
            }
            return this;
        }

        DemoRoads.DemoRoadData data() {
            List<DemoRoads.Criterion> rows = new ArrayList<>();
            for (CriterionRow c : criteria) {
                rows.add(new DemoRoads.Criterion(rows.size() + 1, c.getLabel() == null ? "" : c.getLabel(), c.isMet()));
            }
            return new DemoRoads.DemoRoadData(name, routeCode, townCode, lengthKm, theme, rows, status, openedOn);
        }

        public @Nullable String getName() { return name; }
        public void setName(@Nullable String v) { name = v; }
        public @Nullable String getRouteCode() { return routeCode; }
        public void setRouteCode(@Nullable String v) { routeCode = v; }
        public @Nullable String getTownCode() { return townCode; }
        public void setTownCode(@Nullable String v) { townCode = v; }
        public @Nullable BigDecimal getLengthKm() { return lengthKm; }
        public void setLengthKm(@Nullable BigDecimal v) { lengthKm = v; }
        public @Nullable String getTheme() { return theme; }
        public void setTheme(@Nullable String v) { theme = v; }
        public List<CriterionRow> getCriteria() { return criteria; }
        public void setCriteria(List<CriterionRow> v) { criteria = v; }
        public DemoRoads.@Nullable Status getStatus() { return status; }
        public void setStatus(DemoRoads.@Nullable Status v) { status = v; }
        public @Nullable LocalDate getOpenedOn() { return openedOn; }
        public void setOpenedOn(@Nullable LocalDate v) { openedOn = v; }
        public int getVersion() { return version; }
        public void setVersion(int v) { version = v; }
    }
}
