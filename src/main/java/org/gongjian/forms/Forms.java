package org.gongjian.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.UnitKind;
import org.gongjian.programme.Indicator;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The form designer (the programme office only): forms, their versions and who fills them on which
 * cycle. A draft version may be edited; once published it never changes, and a later version applies
 * from the next period on. Everyone may read forms.
 */
@Service
@Transactional(readOnly = true)
public class Forms {

    static final Pattern CODE = Pattern.compile("(?!returns$)[a-z0-9][a-z0-9-]{1,63}");
    /** An assignment's unit kind meaning the 16 towns, subdistricts and 翠山湖. */
    public static final String TOWN_LEVEL = "TOWN_LEVEL";

    private final FormStore store;
    private final TargetManagement targets;
    private final Organisation organisation;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final ReturnOpener opener;

    Forms(FormStore store, TargetManagement targets, Organisation organisation, Accounts accounts, AuditLog audit,
            Clock clock, ReturnOpener opener) {
        this.store = store;
        this.targets = targets;
        this.organisation = organisation;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.opener = opener;
    }

    /** A new form with its definition as version 1, a draft. */
    @Transactional
    public Form create(String code, FormDefinition definition, boolean demo) {
        Actor actor = requireOffice(code);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "forms.error.code");
        }
        check(definition);
        if (store.find(code).isPresent()) {
            throw new ConflictException("forms.error.duplicate-form", code);
        }
        Instant now = Instant.now(clock);
        long id = store.insertForm(code, definition.title().trim(), demo, now, actor.username());
        store.insertVersion(id, definition, now, actor.username());
        Form form = store.load(id);
        audit.created("forms-form", code, summary(form.latest()));
        return form;
    }

    /** A new draft version (the next number); refused while a draft is still open. */
    @Transactional
    public Form.Version newVersion(String code, FormDefinition definition) {
        Actor actor = requireOffice(code);
        Form form = form(code);
        if (form.latest().status() == Form.VersionStatus.DRAFT) {
            throw new ConflictException("forms.error.draft-open", code, form.latest().number());
        }
        check(definition);
        int number = store.insertVersion(form.id(), definition, Instant.now(clock), actor.username());
        Form.Version v = store.load(form.id()).version(number);
        audit.created("forms-version", code + "/" + number, summary(v));
        return v;
    }

    /** Replaces a draft version's definition; a published version is refused (it never changes). */
    @Transactional
    public Form.Version updateDraft(String code, int number, FormDefinition definition, @Nullable Integer expected) {
        requireOffice(code + "/" + number);
        Form form = form(code);
        Form.Version v = form.version(number);
        if (v.status() != Form.VersionStatus.DRAFT) {
            throw new ConflictException("forms.error.published-immutable", code, number);
        }
        check(definition);
        if (!store.updateDraft(v.id(), definition, expected == null ? v.rowVersion() : expected)) {
            throw new ConflictException("forms.error.changed", code + "/" + number);
        }
        Form.Version after = store.load(form.id()).version(number);
        if (number == 1) {
            store.updateTitle(form.id(), definition.title().trim());
        }
        audit.updated("forms-version", code + "/" + number, summary(v), summary(after));
        return after;
    }

    /**
     * Publishes a draft: version 1 applies from the start; a later one from the next period of the
     * form's (first) cycle on, so that a period never changes its questions half-way.
     */
    @Transactional
    public Form.Version publish(String code, int number) {
        Actor actor = requireOffice(code + "/" + number);
        Form form = form(code);
        Form.Version v = form.version(number);
        if (v.status() != Form.VersionStatus.DRAFT) {
            throw new ConflictException("forms.error.published-immutable", code, number);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate effective = null;
        if (form.latestPublished().isPresent()) {
            Cycle cycle = form.assignments().isEmpty() ? Cycle.MONTHLY : form.assignments().get(0).cycle();
            effective = cycle == Cycle.ONCE ? today : cycle.nextPeriodStart(today);
        }
        if (!store.publish(v.id(), effective, Instant.now(clock), actor.username())) {
            throw new ConflictException("forms.error.published-immutable", code, number);
        }
        Form.Version after = store.load(form.id()).version(number);
        audit.updated("forms-version", code + "/" + number, summary(v), summary(after));
        opener.open(store.load(form.id()), today);
        return after;
    }

    /** What the office asks for an assignment. */
    public record AssignmentData(@Nullable List<String> unitCodes, @Nullable String unitKind, @Nullable Cycle cycle,
            @Nullable Integer dueDays, @Nullable Integer reminderDays, @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn) {
    }

    /** Assigns the form to units on a cycle, and opens the returns of the periods already begun. */
    @Transactional
    public Form.Assignment assign(String code, AssignmentData data) {
        Actor actor = requireOffice(code);
        Form form = form(code);
        List<Violation> v = new ArrayList<>();
        List<String> units = data.unitCodes() == null ? List.of()
                : data.unitCodes().stream().filter(s -> s != null && !s.isBlank()).map(String::trim).distinct().toList();
        if (units.isEmpty() == (data.unitKind() == null || data.unitKind().isBlank())) {
            v.add(new Violation("unitCodes", "forms.error.units-or-kind"));
        }
        Map<String, ?> known = organisation.byCodes(units);
        units.stream().filter(u -> !known.containsKey(u))
                .forEach(u -> v.add(new Violation("unitCodes", "forms.error.unknown-unit", u)));
        if (data.unitKind() != null && !data.unitKind().isBlank() && !TOWN_LEVEL.equals(data.unitKind())) {
            try {
                UnitKind.valueOf(data.unitKind());
            } catch (IllegalArgumentException e) {
                v.add(new Violation("unitKind", "forms.error.unit-kind", data.unitKind()));
            }
        }
        if (data.cycle() == null) {
            v.add(new Violation("cycle", "forms.error.cycle"));
        }
        int dueDays = data.dueDays() == null ? 0 : data.dueDays();
        int reminderDays = data.reminderDays() == null ? 3 : data.reminderDays();
        if (dueDays < 0 || dueDays > 90) {
            v.add(new Violation("dueDays", "forms.error.due-days", 90));
        }
        if (reminderDays < 0 || reminderDays > 30) {
            v.add(new Violation("reminderDays", "forms.error.reminder-days", 30));
        }
        LocalDate starts = data.startsOn() == null ? LocalDate.now(clock) : data.startsOn();
        if (data.endsOn() != null && data.endsOn().isBefore(starts)) {
            v.add(new Violation("endsOn", "forms.error.ends-before-start"));
        }
        if (data.cycle() == Cycle.ONCE && data.endsOn() == null) {
            v.add(new Violation("endsOn", "forms.error.once-needs-end"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String kind = units.isEmpty() ? data.unitKind() : null;
        long id = store.insertAssignment(form.id(), units, kind, data.cycle(), dueDays, reminderDays, starts,
                data.endsOn(), Instant.now(clock), actor.username());
        Form after = store.load(form.id());
        Form.Assignment a = after.assignments().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        audit.created("forms-assignment", code + "/" + id, a);
        opener.open(after, LocalDate.now(clock));
        return a;
    }

    public Page<Form> list(Pageable pageable) {
        return Pages.of(store.all(), pageable);
    }

    public Form form(String code) {
        return store.find(code).orElseThrow(() -> new NotFoundException("forms.error.form-not-found", code));
    }

    /** The indicators a field may feed (for the designer). */
    public List<Indicator> indicators() {
        return targets.indicators();
    }

    /** Whether the current user may design forms and review returns. */
    public boolean mayDesign() {
        return accounts.current().can(Permissions.FORMS_DESIGN);
    }

    private void check(FormDefinition definition) {
        if (definition == null) {
            throw new InvalidInputException("definition", "forms.error.no-sections");
        }
        List<Violation> v = new ArrayList<>(definition.problems());
        if (definition.sections() != null) {
            for (int s = 0; s < definition.sections().size(); s++) {
                var section = definition.sections().get(s);
                if (section == null || section.fields() == null) {
                    continue;
                }
                for (int i = 0; i < section.fields().size(); i++) {
                    var f = section.fields().get(i);
                    if (f == null) {
                        continue;
                    }
                    checkIndicator(f, "sections[" + s + "].fields[" + i + "]", v);
                    for (int c = 0; c < f.columnsOrEmpty().size(); c++) {
                        if (f.columnsOrEmpty().get(c) != null) {
                            checkIndicator(f.columnsOrEmpty().get(c), "sections[" + s + "].fields[" + i + "].columns[" + c + "]", v);
                        }
                    }
                }
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private void checkIndicator(FormDefinition.Field f, String path, List<Violation> v) {
        if (f.indicator() == null) {
            return;
        }
        var indicator = targets.indicator(f.indicator());
        if (indicator.isEmpty()) {
            v.add(new Violation(path + ".indicator", "forms.error.indicator-unknown", f.indicator()));
        } else if (f.publishedUnit() != null && indicator.get().unit() != f.publishedUnit()) {
            v.add(new Violation(path + ".unit", "forms.error.indicator-unit-mismatch", indicator.get().unit().zh(),
                    f.publishedUnit().zh()));
        }
    }

    private Actor requireOffice(String entity) {
        Actor actor = accounts.current();
        if (!actor.can(Permissions.FORMS_DESIGN)) {
            audit.denied("forms-form", entity, "the programme office designs forms");
            throw new AccessDeniedException("error.access-denied");
        }
        return actor;
    }

    private static Map<String, Object> summary(Form.Version v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", v.number());
        m.put("status", v.status());
        m.put("effectiveFrom", v.effectiveFrom());
        m.put("title", v.definition().title());
        m.put("fields", v.definition().fieldsByPath().keySet());
        return m;
    }
}
