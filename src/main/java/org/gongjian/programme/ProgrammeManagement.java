package org.gongjian.programme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of programmes and their initiatives: read, create, update, within the data scope. */
@Service
@Transactional(readOnly = true)
public class ProgrammeManagement {

    private final ProgrammeRepository programmes;
    private final InitiativeRepository initiatives;
    private final UnitResolver units;
    private final Guard guard;
    private final AuditLog audit;

    ProgrammeManagement(ProgrammeRepository programmes, InitiativeRepository initiatives, UnitResolver units,
            Guard guard, AuditLog audit) {
        this.programmes = programmes;
        this.initiatives = initiatives;
        this.units = units;
        this.guard = guard;
        this.audit = audit;
    }

    public Page<Programme> programmes(Pageable pageable) {
        return programmes.findAll(pageable);
    }

    public Programme programme(String code) {
        return programmes.findByCode(code).orElseThrow(() -> new NotFoundException("error.programme.not-found", code));
    }

    public Programme programme(Long id) {
        return programmes.findById(id).orElseThrow(() -> new NotFoundException("error.programme.not-found", id));
    }

    @Transactional
    public Programme createProgramme(ProgrammeData data) {
        guard.requireOffice("programme", data.code());
        if (programmes.findByCode(data.code()).isPresent()) {
            throw new ConflictException("error.programme.duplicate-code", data.code());
        }
        Rules.throwIfAny(Rules.programme(data));
        Programme saved = programmes.save(Programme.create(data));
        audit.created("programme", saved.code(), saved.data());
        return saved;
    }

    @Transactional
    public Programme updateProgramme(String code, ProgrammeData data, @Nullable Integer expectedVersion) {
        guard.requireOffice("programme", code);
        Programme programme = programme(code);
        Rules.checkVersion(expectedVersion, programme.version());
        List<Violation> violations = new ArrayList<>(Rules.programme(data));
        if (!code.equals(data.code())) {
            violations.add(new Violation("code", "error.code-immutable"));
        }
        Set<String> categories = new HashSet<>(data.categories().stream().map(ProgrammeData.CategoryData::code).toList());
        for (Initiative initiative : initiatives.findByProgrammeIdOrderByNumber(programme.id())) {
            if (!categories.contains(initiative.categoryCode())) {
                violations.add(new Violation("categories", "error.category.in-use", initiative.categoryCode()));
            }
        }
        Rules.throwIfAny(violations);
        ProgrammeData before = programme.data();
        programme.apply(data);
        Programme saved = programmes.save(programme);
        audit.updated("programme", code, before, saved.data());
        return saved;
    }

    public List<Initiative> initiatives(Programme programme) {
        return initiatives.findByProgrammeIdOrderByNumber(programme.id());
    }

    /** A programme's initiatives, filtered by category and by a unit that leads or co-leads them. */
    public Page<Initiative> initiatives(Programme programme, @Nullable String category, @Nullable Long unitId,
            @Nullable InitiativeStatus status, Pageable pageable) {
        List<Initiative> matching = initiatives(programme).stream()
                .filter(i -> category == null || category.equals(i.categoryCode()))
                .filter(i -> unitId == null || i.responsibleUnitIds().contains(unitId))
                .filter(i -> status == null || status == i.status())
                .toList();
        return Pages.of(matching, pageable);
    }

    public Initiative initiative(Programme programme, int number) {
        return initiatives.findByProgrammeIdAndNumber(programme.id(), number)
                .orElseThrow(() -> new NotFoundException("error.initiative.not-found", programme.code(), number));
    }

    public Initiative initiative(Long id) {
        return initiatives.findById(id).orElseThrow(() -> new NotFoundException("error.initiative.not-found", "", id));
    }

    /** Whether the current user may act for the initiative with the permission (nothing is recorded). */
    public boolean mayActFor(Initiative initiative, String permission) {
        return guard.allows(initiative, permission);
    }

    /** Refuses (and audits) a user who may not act for the initiative with the permission. */
    public void requireMayActFor(Initiative initiative, String permission) {
        guard.requireActFor(initiative, permission, "initiative",
                programme(initiative.programmeId()).code() + "/" + initiative.number());
    }

    /** Whether the current user may edit the initiative itself: the office, or staff of its lead unit. */
    public boolean mayEditInitiative(Initiative initiative) {
        return guard.allowsLeadUnit(initiative, Permissions.INITIATIVE_WRITE);
    }

    /** Refuses (and audits) a user who may not edit the initiative itself. */
    public void requireMayEditInitiative(Initiative initiative) {
        guard.requireLeadUnit(initiative, Permissions.INITIATIVE_WRITE, "initiative",
                programme(initiative.programmeId()).code() + "/" + initiative.number());
    }

    /** Whether the current user is the programme office, who shapes programmes, initiatives and targets. */
    public boolean isOffice() {
        return guard.actor().can(Permissions.PROGRAMME_WRITE);
    }

    public InitiativeData data(Initiative initiative) {
        return initiative.data(unitCodes(initiative));
    }

    @Transactional
    public Initiative createInitiative(String programmeCode, InitiativeData data) {
        Programme programme = programme(programmeCode);
        guard.requireOffice("initiative", programmeCode + "/" + data.number());
        if (initiatives.findByProgrammeIdAndNumber(programme.id(), data.number()).isPresent()) {
            throw new ConflictException("error.initiative.duplicate-number", data.number());
        }
        Resolved resolved = resolve(programme, data, "");
        Initiative saved = initiatives.save(Initiative.create(programme.id(), data, resolved.lead(), resolved.coUnits()));
        audit.created("initiative", programmeCode + "/" + saved.number(), data);
        return saved;
    }

    /**
     * Updates an initiative. Staff of its lead unit may update what they report on it (summary, declared status,
     * tags, figures, photos); its number, title, category, units and dates stay with the office. Staff of a
     * co-responsible unit report figures and milestones but do not edit the initiative itself.
     */
    @Transactional
    public Initiative updateInitiative(String programmeCode, int number, InitiativeData data,
            @Nullable Integer expectedVersion) {
        Programme programme = programme(programmeCode);
        Initiative initiative = initiative(programme, number);
        String entityId = programmeCode + "/" + number;
        Actor actor = guard.requireLeadUnit(initiative, Permissions.INITIATIVE_WRITE, "initiative", entityId);
        Rules.checkVersion(expectedVersion, initiative.version());
        InitiativeData before = data(initiative);
        if (!actor.can(Permissions.PROGRAMME_WRITE)
                && (!sameAssignment(before, data) || !before.title().equals(data.title()))) {
            guard.requireOffice("initiative", entityId);
        }
        if (number != data.number() && initiatives.findByProgrammeIdAndNumber(programme.id(), data.number()).isPresent()) {
            throw new ConflictException("error.initiative.duplicate-number", data.number());
        }
        Resolved resolved = resolve(programme, data, "");
        initiative.apply(data, resolved.lead(), resolved.coUnits());
        Initiative saved = initiatives.save(initiative);
        audit.updated("initiative", entityId, before, data);
        return saved;
    }

    private static boolean sameAssignment(InitiativeData a, InitiativeData b) {
        return a.number() == b.number() && a.category().equals(b.category()) && a.leadUnit().equals(b.leadUnit())
                && a.leadUnitAssumed() == b.leadUnitAssumed() && a.coUnits().equals(b.coUnits())
                && a.startDate().equals(b.startDate()) && a.endDate().equals(b.endDate());
    }

    record Resolved(@Nullable Long lead, List<Long> coUnits) {
    }

    /** Checks an initiative's references and dates; throws with every violation found. */
    Resolved resolve(Programme programme, InitiativeData data, String prefix) {
        List<Violation> violations = new ArrayList<>();
        Resolved resolved = resolve(programme, data, prefix, violations);
        Rules.throwIfAny(violations);
        return new Resolved(Objects.requireNonNull(resolved.lead()), resolved.coUnits());
    }

    /** Checks an initiative's references and dates, adding every violation found to the list. */
    Resolved resolve(Programme programme, InitiativeData data, String prefix, List<Violation> violations) {
        List<String> codes = new ArrayList<>(data.coUnits());
        codes.add(data.leadUnit());
        UnitResolver.Lookup lookup = units.lookup(codes);
        Long lead = lookup.id(data.leadUnit(), prefix + "leadUnit");
        List<Long> coUnits = lookup.ids(data.coUnits(), prefix + "coUnits");
        violations.addAll(lookup.violations());
        violations.addAll(Rules.initiative(programme, data, prefix));
        return new Resolved(lead, coUnits);
    }

    Function<Long, String> unitCodes(Initiative initiative) {
        return units.codes(initiative.responsibleUnitIds());
    }
}
