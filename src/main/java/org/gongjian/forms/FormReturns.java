package org.gongjian.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Role;
import org.gongjian.organisation.Unit;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns: a unit's staff fill their own unit's returns (save drafts, submit, correct a returned one and
 * submit again); the office accepts or returns them with a reason. Unit staff see only their own unit's
 * returns (another unit's is "not found"); the office, leaders and viewers see all. Every step is kept,
 * append-only, with the values as they were; an acceptance feeds the targets.
 */
@Service
@Transactional(readOnly = true)
public class FormReturns {

    public static final int MAX_REASON = 1000;

    private final FormStore store;
    private final ReturnFeed feed;
    private final Organisation organisation;
    /** Generated demo entries are signed {@code demo:<unit>} (see DemoFormsLoader); pages show them as 演示. */
    static final String DEMO_ACTOR = "demo:";
    private final Accounts accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FormReturns(FormStore store, ReturnFeed feed, Organisation organisation, Accounts accounts, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.organisation = organisation;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A filter of returns; every part optional. */
    public record Filter(@Nullable String form, @Nullable String unit, @Nullable String period,
            @Nullable ReturnStatus status) {
    }

    /** The returns the current user may see, newest period first. */
    public Page<FormReturn> list(Filter filter, Pageable pageable) {
        String unit = filter.unit();
        String own = ownUnitOnly();
        if (own != null) {
            if (unit != null && !unit.equals(own)) {
                return Page.empty(pageable);
            }
            unit = own;
        }
        long total = store.countReturns(filter.form(), unit, filter.period(), filter.status());
        int offset = pageable.isPaged() ? (int) pageable.getOffset() : 0;
        int limit = pageable.isPaged() ? pageable.getPageSize() : Integer.MAX_VALUE;
        return new PageImpl<>(store.returns(filter.form(), unit, filter.period(), filter.status(), offset, limit),
                pageable, total);
    }

    /** A return the current user may see; another unit's is not found, for unit staff. */
    public FormReturn get(long id) {
        FormReturn r = store.findReturn(id).orElseThrow(() -> new NotFoundException("forms.error.return-not-found", id));
        String own = ownUnitOnly();
        if (own != null && !own.equals(r.unitCode())) {
            audit.denied("forms-return", String.valueOf(id), "another unit's return");
            throw new NotFoundException("forms.error.return-not-found", id);
        }
        return r;
    }

    public FormDefinition definition(FormReturn r) {
        return store.definitionOfReturn(r.id());
    }

    /** The history of a return the reader may see, signed with display names. */
    public List<FormReturn.Event> history(long id) {
        Map<String, String> known = new java.util.HashMap<>();
        return store.events(get(id).id(), login -> known.computeIfAbsent(login, accounts::displayName));
    }

    /** Saves a draft: values are checked for type and range, required ones only on submission. */
    @Transactional
    public FormReturn save(long id, Map<String, ?> values, @Nullable Integer expected) {
        FormReturn r = requireFill(id);
        ReturnValidator.Checked checked = check(r, values, false);
        return move(r, expected, ReturnStatus.DRAFT, checked.values(), "SAVE", null, false);
    }

    /** Submits a return: every rule applies, required fields included. */
    @Transactional
    public FormReturn submit(long id, Map<String, ?> values, @Nullable Integer expected) {
        FormReturn r = requireFill(id);
        ReturnValidator.Checked checked = check(r, values, true);
        FormReturn after = move(r, expected, ReturnStatus.SUBMITTED, checked.values(), "SUBMIT", null, true);
        if (r.submittedOn() == null) {
            events.publishEvent(ReturnChase.reportDue(after, after.submittedOn()));
        }
        if (r.submittedOn() == null && store.overdueReported(id)) {
            events.publishEvent(new LedgerItemCleared(ReturnChase.LEDGER, ReturnChase.itemKey(id), LocalDate.now(clock),
                    "已报送"));
        }
        return after;
    }

    /** The office accepts a submitted return; its figures then feed the targets. */
    @Transactional
    public FormReturn accept(long id, @Nullable Integer expected) {
        FormReturn r = requireReview(id);
        if (r.status() != ReturnStatus.SUBMITTED) {
            throw new ConflictException("forms.error.not-submitted", id);
        }
        FormReturn after = move(r, expected, ReturnStatus.ACCEPTED, r.values(), "ACCEPT", null, false);
        feed.publish(store.formIdOfReturn(id), r.period());
        return after;
    }

    /** The office returns a submitted return to its unit with a reason, for correction. */
    @Transactional
    public FormReturn sendBack(long id, @Nullable String reason, @Nullable Integer expected) {
        FormReturn r = requireReview(id);
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "forms.error.reason", MAX_REASON);
        }
        if (r.status() != ReturnStatus.SUBMITTED) {
            throw new ConflictException("forms.error.not-submitted", id);
        }
        return move(r, expected, ReturnStatus.RETURNED, r.values(), "RETURN", reason.trim(), false);
    }

    /** Whether the current user may fill this return (their own unit's, and it is still open to edits). */
    public boolean mayFill(FormReturn r) {
        Actor actor = accounts.current();
        return r.status().editable() && actor.can(Permissions.FORMS_FILL) && ownsOrOffice(actor, r);
    }

    public boolean mayReview(FormReturn r) {
        return r.status() == ReturnStatus.SUBMITTED && accounts.current().can(Permissions.FORMS_REVIEW);
    }

    /** Checks values for a return (used by the Excel upload before it writes anything). */
    public ReturnValidator.Checked check(FormReturn r, Map<String, ?> values, boolean submitting) {
        FormDefinition definition = definition(r);
        ReturnValidator.Checked checked = ReturnValidator.check(definition, values, submitting);
        List<InvalidInputException.Violation> violations = new java.util.ArrayList<>(checked.violations());
        for (FormDefinition.Field f : definition.fields()) {
            if (f.type() == FieldType.FILE && checked.values().get(f.code()) instanceof String id
                    && !store.fileBelongsTo(id, r.id())) {
                violations.add(new InvalidInputException.Violation("values." + f.code(), "forms.error.file", f.label()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return checked;
    }

    private FormReturn move(FormReturn r, @Nullable Integer expected, ReturnStatus to, Map<String, Object> values,
            String action, @Nullable String reason, boolean submitting) {
        Instant now = Instant.now(clock);
        int rowVersion = expected == null ? r.rowVersion() : expected;
        boolean ok = store.updateReturn(r.id(), rowVersion, r.status(), to, values, submitting ? now : null,
                submitting ? LocalDate.now(clock) : null, to == ReturnStatus.RETURNED ? reason : r.returnReason());
        if (!ok) {
            throw new ConflictException("forms.error.changed", "return " + r.id());
        }
        String by = accounts.current().username();
        store.insertEvent(r.id(), action, to, values, reason, now, by);
        FormReturn after = store.findReturn(r.id()).orElseThrow();
        audit.updated("forms-return", String.valueOf(r.id()), summary(r), summary(after));
        return after;
    }

    private FormReturn requireFill(long id) {
        FormReturn r = get(id);
        Actor actor = accounts.current();
        if (!actor.can(Permissions.FORMS_FILL) || !ownsOrOffice(actor, r)) {
            audit.denied("forms-return", String.valueOf(id), "only the unit's staff fill its returns");
            throw new AccessDeniedException("error.access-denied");
        }
        if (!r.status().editable()) {
            throw new ConflictException("forms.error.not-editable", id, r.status());
        }
        return r;
    }

    private FormReturn requireReview(long id) {
        FormReturn r = get(id);
        if (!accounts.current().can(Permissions.FORMS_REVIEW)) {
            audit.denied("forms-return", String.valueOf(id), "the programme office reviews returns");
            throw new AccessDeniedException("error.access-denied");
        }
        return r;
    }

    private boolean ownsOrOffice(Actor actor, FormReturn r) {
        if (actor.isAdmin()) {
            return true;
        }
        Unit unit = organisation.findByCode(r.unitCode()).orElse(null);
        return unit != null && actor.unitId() != null && actor.unitId().equals(unit.id());
    }

    /** The unit code unit staff are confined to, or null for those who see every unit's returns. */
    private @Nullable String ownUnitOnly() {
        Actor actor = accounts.current();
        if (actor.isAdmin() || actor.roles().contains(Role.LEADER) || actor.roles().contains(Role.VIEWER)) {
            return null;
        }
        if (actor.unitId() == null) {
            return "-";
        }
        return organisation.findById(actor.unitId()).map(Unit::code).orElse("-");
    }

    private static Map<String, Object> summary(FormReturn r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("form", r.formCode());
        m.put("unit", r.unitCode());
        m.put("period", r.period());
        m.put("status", r.status());
        m.put("values", r.values());
        m.put("reason", r.returnReason());
        return m;
    }
}
