package org.gongjian.projects.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongjian.projects.KeyProject;
import org.gongjian.projects.KeyProject.Category;
import org.gongjian.projects.KeyProject.Funding;
import org.gongjian.projects.KeyProject.Level;
import org.gongjian.projects.KeyProject.Nature;
import org.gongjian.projects.KeyProject.Source;
import org.gongjian.projects.KeyProjects;
import org.gongjian.projects.ProjectMilestones;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The office's page forms of the key-project ledger, field for field what the API takes, with money in 万元 (as the
 * office writes it; held in 元) and land in 亩. Each field has the name the ledger's checks use, so a refusal is
 * shown beside its field; the version read with the form guards against overwriting someone else's change.
 */
final class ProjectForms {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private ProjectForms() {
    }

    /** 元 as 万元 for a form field, exactly, never in exponent notation. */
    static @Nullable BigDecimal wan(@Nullable BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        BigDecimal v = yuan.divide(WAN).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    static @Nullable BigDecimal yuan(@Nullable BigDecimal wan) {
        return wan == null ? null : Amounts.fromWan(wan);
    }

    /** A key project as the office registers or edits it. */
    public static class ProjectForm {
        private String code = "";
        private String name = "";
        private Set<Level> levels = EnumSet.noneOf(Level.class);
        private @Nullable Category category;
        private @Nullable Nature nature;
        private @Nullable String industry;
        private String townCode = "";
        private @Nullable String park;
        private @Nullable String ownerUscc;
        private String responsibleUnit = "";
        private @Nullable String leader;
        private @Nullable BigDecimal landArea;
        private @Nullable BigDecimal totalInvestment;
        private @Nullable BigDecimal investedBefore;
        private @Nullable Integer startYear;
        private @Nullable Integer endYear;
        private @Nullable BigDecimal expectedOutput;
        private @Nullable BigDecimal expectedTax;
        private @Nullable Integer expectedJobs;
        private @Nullable String layoutElement;
        private Map<String, @Nullable BigDecimal> funding = new LinkedHashMap<>();
        private int version;

        static ProjectForm of(KeyProject p) {
            ProjectForm f = new ProjectForm();
            f.code = p.code();
            f.name = p.name();
            f.levels = p.levels().isEmpty() ? EnumSet.noneOf(Level.class) : EnumSet.copyOf(p.levels());
            f.category = p.category();
            f.nature = p.nature();
            f.industry = p.industry();
            f.townCode = p.townCode();
            f.park = p.park();
            f.ownerUscc = p.ownerUscc();
            f.responsibleUnit = p.responsibleUnit();
            f.leader = p.leader();
            f.landArea = p.landMu() == null ? null : wanless(p.landMu());
            f.totalInvestment = wan(p.totalInvestment());
            f.investedBefore = wan(p.investedBefore());
            f.startYear = p.startYear();
            f.endYear = p.endYear();
            f.expectedOutput = wan(p.expectedOutput());
            f.expectedTax = wan(p.expectedTax());
            f.expectedJobs = p.expectedJobs();
            f.layoutElement = p.layoutElement();
            p.funding().forEach(x -> f.funding.put(x.source().name(), wan(x.amount())));
            f.version = p.version();
            return f;
        }

        private static BigDecimal wanless(BigDecimal v) {
            BigDecimal s = v.stripTrailingZeros();
            return s.scale() < 0 ? s.setScale(0) : s;
        }

        /** What the ledger takes: money in 元; funding parts left blank are not part of the mix. */
        KeyProjects.NewProject data() {
            List<Funding> mix = new ArrayList<>();
            for (Source s : Source.values()) {
                BigDecimal amount = funding.get(s.name());
                if (amount != null) {
                    mix.add(new Funding(s, Amounts.fromWan(amount)));
                }
            }
            return new KeyProjects.NewProject(code, name, levels, category, nature, industry, townCode, park, ownerUscc,
                    responsibleUnit, leader, landArea, landArea == null ? null : UnitOfMeasure.MU, yuan(totalInvestment),
                    yuan(investedBefore), startYear == null ? 0 : startYear, endYear == null ? 0 : endYear,
                    yuan(expectedOutput), yuan(expectedTax), expectedJobs, layoutElement, mix);
        }

        public String getCode() { return code; }
        public void setCode(@Nullable String v) { code = v == null ? "" : v; }
        public String getName() { return name; }
        public void setName(@Nullable String v) { name = v == null ? "" : v; }
        public Set<Level> getLevels() { return levels; }
        public void setLevels(@Nullable Set<Level> v) { levels = v == null || v.isEmpty() ? EnumSet.noneOf(Level.class) : EnumSet.copyOf(v); }
        public @Nullable Category getCategory() { return category; }
        public void setCategory(@Nullable Category v) { category = v; }
        public @Nullable Nature getNature() { return nature; }
        public void setNature(@Nullable Nature v) { nature = v; }
        public @Nullable String getIndustry() { return industry; }
        public void setIndustry(@Nullable String v) { industry = v; }
        public String getTownCode() { return townCode; }
        public void setTownCode(@Nullable String v) { townCode = v == null ? "" : v; }
        public @Nullable String getPark() { return park; }
        public void setPark(@Nullable String v) { park = v; }
        public @Nullable String getOwnerUscc() { return ownerUscc; }
        public void setOwnerUscc(@Nullable String v) { ownerUscc = v; }
        public String getResponsibleUnit() { return responsibleUnit; }
        public void setResponsibleUnit(@Nullable String v) { responsibleUnit = v == null ? "" : v; }
        public @Nullable String getLeader() { return leader; }
        public void setLeader(@Nullable String v) { leader = v; }
        public @Nullable BigDecimal getLandArea() { return landArea; }
        public void setLandArea(@Nullable BigDecimal v) { landArea = v; }
        public @Nullable BigDecimal getTotalInvestment() { return totalInvestment; }
        public void setTotalInvestment(@Nullable BigDecimal v) { totalInvestment = v; }
        public @Nullable BigDecimal getInvestedBefore() { return investedBefore; }
        public void setInvestedBefore(@Nullable BigDecimal v) { investedBefore = v; }
        public @Nullable Integer getStartYear() { return startYear; }
        public void setStartYear(@Nullable Integer v) { startYear = v; }
        public @Nullable Integer getEndYear() { return endYear; }
        public void setEndYear(@Nullable Integer v) { endYear = v; }
        public @Nullable BigDecimal getExpectedOutput() { return expectedOutput; }
        public void setExpectedOutput(@Nullable BigDecimal v) { expectedOutput = v; }
        public @Nullable BigDecimal getExpectedTax() { return expectedTax; }
        public void setExpectedTax(@Nullable BigDecimal v) { expectedTax = v; }
        public @Nullable Integer getExpectedJobs() { return expectedJobs; }
        public void setExpectedJobs(@Nullable Integer v) { expectedJobs = v; }
        public @Nullable String getLayoutElement() { return layoutElement; }
        public void setLayoutElement(@Nullable String v) { layoutElement = v; }
        public Map<String, @Nullable BigDecimal> getFunding() { return funding; }
        public void setFunding(Map<String, @Nullable BigDecimal> v) { funding = v; }
        public int getVersion() { return version; }
        public void setVersion(int v) { version = v; }
    }

    /**
     * A year's plan: planned investment and the optional cumulative monthly curve, both in 万元; the version of the
     * plan read with the form, or -1 when there was none yet.
     */
    public static class PlanForm {
        private @Nullable Integer year;
        private @Nullable BigDecimal planned;
        private @Nullable String content;
        private List<@Nullable BigDecimal> curve = new ArrayList<>();
        private int version = -1;

        static PlanForm of(int year, KeyProjects.@Nullable Plan plan) {
            PlanForm f = new PlanForm();
            f.year = year;
            if (plan != null) {
                f.planned = wan(plan.planned());
                f.content = plan.content();
                plan.curve().values().forEach(v -> f.curve.add(wan(v)));
                f.version = plan.version();
            }
            return f;
        }

        /** Twelve fields to show, the curve's values where there are some. */
        PlanForm withTwelveMonths() {
            while (curve.size() < 12) {
                curve.add(null);
            }
            return this;
        }

        /** The curve in 元; none when every month is blank. */
        List<@Nullable BigDecimal> curveYuan() {
            if (curve.stream().allMatch(v -> v == null)) {
                return List.of();
            }
            List<@Nullable BigDecimal> out = new ArrayList<>();
            for (int m = 0; m < Math.max(12, curve.size()); m++) {
                out.add(m < curve.size() ? yuan(curve.get(m)) : null);
            }
            return out;
        }

        public @Nullable Integer getYear() { return year; }
        public void setYear(@Nullable Integer v) { year = v; }
        public @Nullable BigDecimal getPlanned() { return planned; }
        public void setPlanned(@Nullable BigDecimal v) { planned = v; }
        public @Nullable String getContent() { return content; }
        public void setContent(@Nullable String v) { content = v; }
        public List<@Nullable BigDecimal> getCurve() { return curve; }
        public void setCurve(List<@Nullable BigDecimal> v) { curve = v; }
        public int getVersion() { return version; }
        public void setVersion(int v) { version = v; }
    }

    /** A milestone's planned and actual day and note. */
    public static class MilestoneForm {
        private ProjectMilestones.@Nullable MilestoneKind kind;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate plannedOn;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate actualOn;
        private @Nullable String note;

        static MilestoneForm of(ProjectMilestones.MilestoneKind kind, ProjectMilestones.@Nullable Milestone m) {
            MilestoneForm f = new MilestoneForm();
            f.kind = kind;
            if (m != null) {
                f.plannedOn = m.plannedOn();
                f.actualOn = m.actualOn();
                f.note = m.note();
            }
            return f;
        }

        public ProjectMilestones.@Nullable MilestoneKind getKind() { return kind; }
        public void setKind(ProjectMilestones.@Nullable MilestoneKind v) { kind = v; }
        public @Nullable LocalDate getPlannedOn() { return plannedOn; }
        public void setPlannedOn(@Nullable LocalDate v) { plannedOn = v; }
        public @Nullable LocalDate getActualOn() { return actualOn; }
        public void setActualOn(@Nullable LocalDate v) { actualOn = v; }
        public @Nullable String getNote() { return note; }
        public void setNote(@Nullable String v) { note = v; }
    }
}
