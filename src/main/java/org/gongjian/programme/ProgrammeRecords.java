package org.gongjian.programme;

import java.util.ArrayList;
import java.util.List;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of milestones, chronicle events (大事记) and honours (试点示范). */
@Service
@Transactional(readOnly = true)
public class ProgrammeRecords {

    private final MilestoneRepository milestones;
    private final EventRepository events;
    private final HonourRepository honours;
    private final ProgrammeManagement programmes;
    private final UnitResolver units;
    private final Guard guard;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;

    ProgrammeRecords(MilestoneRepository milestones, EventRepository events, HonourRepository honours,
            ProgrammeManagement programmes, UnitResolver units, Guard guard, AuditLog audit,
            ApplicationEventPublisher publisher) {
        this.milestones = milestones;
        this.events = events;
        this.honours = honours;
        this.programmes = programmes;
        this.units = units;
        this.guard = guard;
        this.audit = audit;
        this.publisher = publisher;
    }

    // --- milestones -----------------------------------------------------------------------------

    public List<Milestone> milestones(Programme programme) {
        return milestones.findByProgrammeIdOrderByDueDateAscIdAsc(programme.id());
    }

    public List<Milestone> milestones(Initiative initiative) {
        return milestones.findByInitiativeIdOrderByDueDateAscIdAsc(initiative.id());
    }

    public Milestone milestone(Programme programme, Long id) {
        return milestones.findById(id).filter(m -> m.programmeId().equals(programme.id()))
                .orElseThrow(() -> new NotFoundException("error.milestone.not-found", id));
    }

    /** The office plans milestones; a responsible unit may add its own nodes. */
    @Transactional
    public Milestone createMilestone(String programmeCode, int initiativeNumber, MilestoneData data) {
        Programme programme = programmes.programme(programmeCode);
        Initiative initiative = programmes.initiative(programme, initiativeNumber);
        guard.requireActFor(initiative, Permissions.INITIATIVE_WRITE, "milestone", programmeCode + "/" + initiativeNumber);
        Rules.throwIfAny(Rules.milestone(data, ""));
        Milestone saved = milestones.save(Milestone.create(programme.id(), initiative.id(), data));
        audit.created("milestone", String.valueOf(saved.id()), data);
        publishChanged(programme, saved);
        return saved;
    }

    /** A responsible unit records that a milestone was started or completed; the office may change anything. */
    @Transactional
    public Milestone updateMilestone(String programmeCode, Long id, MilestoneData data, @Nullable Integer expectedVersion) {
        Programme programme = programmes.programme(programmeCode);
        Milestone milestone = milestone(programme, id);
        Initiative initiative = programmes.initiative(milestone.initiativeId());
        var actor = guard.requireActFor(initiative, Permissions.INITIATIVE_WRITE, "milestone", String.valueOf(id));
        Rules.checkVersion(expectedVersion, milestone.version());
        MilestoneData before = milestone.data();
        if (!actor.can(Permissions.PROGRAMME_WRITE)
                && (!before.dueDate().equals(data.dueDate()) || !before.title().equals(data.title()))) {
            guard.requireOffice("milestone", String.valueOf(id));
        }
        Rules.throwIfAny(Rules.milestone(data, ""));
        milestone.apply(data);
        Milestone saved = milestones.save(milestone);
        audit.updated("milestone", String.valueOf(id), before, data);
        publishChanged(programme, saved);
        return saved;
    }

    private void publishChanged(Programme programme, Milestone milestone) {
        publisher.publishEvent(new MilestoneChanged(programme.code(), milestone.id(), milestone.initiativeId(),
                milestone.dueDate(), milestone.completedOn()));
    }

    // --- events (大事记) --------------------------------------------------------------------------

    public List<ProgrammeEvent> events(Programme programme) {
        return events.findByProgrammeIdOrderByEventDateAscIdAsc(programme.id());
    }

    public ProgrammeEvent event(Programme programme, Long id) {
        return events.findById(id).filter(e -> e.programmeId().equals(programme.id()))
                .orElseThrow(() -> new NotFoundException("error.event.not-found", id));
    }

    public EventData data(ProgrammeEvent event) {
        return event.data(initiativeNumber(event.initiativeId()), units.codes(event.unitIds()));
    }

    @Transactional
    public ProgrammeEvent createEvent(String programmeCode, EventData data) {
        Programme programme = programmes.programme(programmeCode);
        guard.requireOffice("event", programmeCode);
        Linked linked = link(programme, data.initiative(), data.units(), "units");
        ProgrammeEvent saved = events.save(ProgrammeEvent.create(programme.id(), linked.initiativeId(), data, linked.unitIds()));
        audit.created("event", String.valueOf(saved.id()), data);
        return saved;
    }

    @Transactional
    public ProgrammeEvent updateEvent(String programmeCode, Long id, EventData data, @Nullable Integer expectedVersion) {
        Programme programme = programmes.programme(programmeCode);
        ProgrammeEvent event = event(programme, id);
        guard.requireOffice("event", String.valueOf(id));
        Rules.checkVersion(expectedVersion, event.version());
        EventData before = data(event);
        Linked linked = link(programme, data.initiative(), data.units(), "units");
        event.apply(linked.initiativeId(), data, linked.unitIds());
        ProgrammeEvent saved = events.save(event);
        audit.updated("event", String.valueOf(id), before, data);
        return saved;
    }

    // --- honours (试点示范) -----------------------------------------------------------------------

    public List<Honour> honours(Programme programme) {
        return honours.findByProgrammeIdOrderByDateAscIdAsc(programme.id());
    }

    public Honour honour(Programme programme, Long id) {
        return honours.findById(id).filter(h -> h.programmeId().equals(programme.id()))
                .orElseThrow(() -> new NotFoundException("error.honour.not-found", id));
    }

    public HonourData data(Honour honour) {
        return honour.data(initiativeNumber(honour.initiativeId()), units.codes(honour.awardingBodyIds()));
    }

    @Transactional
    public Honour createHonour(String programmeCode, HonourData data) {
        Programme programme = programmes.programme(programmeCode);
        guard.requireOffice("honour", programmeCode);
        Linked linked = link(programme, data.initiative(), data.awardingBodies(), "awardingBodies");
        Honour saved = honours.save(Honour.create(programme.id(), linked.initiativeId(), data, linked.unitIds()));
        audit.created("honour", String.valueOf(saved.id()), data);
        return saved;
    }

    @Transactional
    public Honour updateHonour(String programmeCode, Long id, HonourData data, @Nullable Integer expectedVersion) {
        Programme programme = programmes.programme(programmeCode);
        Honour honour = honour(programme, id);
        guard.requireOffice("honour", String.valueOf(id));
        Rules.checkVersion(expectedVersion, honour.version());
        HonourData before = data(honour);
        Linked linked = link(programme, data.initiative(), data.awardingBodies(), "awardingBodies");
        honour.apply(linked.initiativeId(), data, linked.unitIds());
        Honour saved = honours.save(honour);
        audit.updated("honour", String.valueOf(id), before, data);
        return saved;
    }

    // --- helpers --------------------------------------------------------------------------------

    record Linked(@Nullable Long initiativeId, List<Long> unitIds) {
    }

    Linked link(Programme programme, @Nullable Integer initiativeNumber, List<String> unitCodes, String field) {
        UnitResolver.Lookup lookup = units.lookup(unitCodes);
        List<Long> ids = lookup.ids(unitCodes, field);
        Long initiativeId = null;
        var more = new ArrayList<org.gongjian.shared.InvalidInputException.Violation>();
        if (initiativeNumber != null) {
            try {
                initiativeId = programmes.initiative(programme, initiativeNumber).id();
            } catch (NotFoundException e) {
                more.add(new org.gongjian.shared.InvalidInputException.Violation("initiative",
                        "error.initiative.not-found", programme.code(), initiativeNumber));
            }
        }
        lookup.throwIfInvalid(more);
        return new Linked(initiativeId, ids);
    }

    private @Nullable Integer initiativeNumber(@Nullable Long initiativeId) {
        return initiativeId == null ? null : programmes.initiative(initiativeId).number();
    }
}
