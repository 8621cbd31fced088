package org.gongjian.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The units of the city and beyond: looked up by code, listed by kind, created and updated by the office. */
@Service
@Transactional(readOnly = true)
public class Organisation {

    private final UnitRepository units;
    private final AuditLog audit;
    private final Accounts accounts;

    Organisation(UnitRepository units, AuditLog audit, Accounts accounts) {
        this.units = units;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Only the office (or the system, importing a document) shapes the list of units. */
    private void requireUnitWrite(String code) {
        if (!accounts.current().can(Permissions.UNIT_WRITE)) {
            audit.denied("unit", code, "changing units needs " + Permissions.UNIT_WRITE);
            throw new org.springframework.security.access.AccessDeniedException("error.access-denied");
        }
    }

    public Optional<Unit> findByCode(String code) {
        return units.findByCode(code);
    }

    public Unit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new NotFoundException("error.unit.not-found", code));
    }

    /** Whether a unit (an actor's, possibly none) is one of the units named by code, e.g. a ledger's office units. */
    public boolean isOneOf(@org.jspecify.annotations.Nullable Long unitId, java.util.Set<String> codes) {
        return unitId != null && findById(unitId).map(u -> codes.contains(u.code())).orElse(false);
    }

    public Optional<Unit> findById(Long id) {
        return units.findById(id);
    }

    public Unit unit(Long id) {
        return units.findById(id).orElseThrow(() -> new NotFoundException("error.unit.not-found", id));
    }

    /** The units with these ids, by id; unknown ids are left out. */
    public Map<Long, Unit> byIds(Collection<Long> ids) {
        Map<Long, Unit> found = new LinkedHashMap<>();
        units.findAllById(ids).forEach(u -> found.put(u.id(), u));
        return found;
    }

    /** The units with these codes, by code; unknown codes are left out. */
    public Map<String, Unit> byCodes(Collection<String> codes) {
        return units.findByCodeIn(codes).stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    }

    public Page<Unit> list(@Nullable UnitKind kind, Pageable pageable) {
        return kind == null ? units.findAll(pageable) : units.findByKind(kind, pageable);
    }

    public List<Unit> all() {
        return units.findAll();
    }

    /** Units of a kind whose code or name contains the text, by kind and code, a page at a time. */
    public Page<Unit> search(@Nullable UnitKind kind, @Nullable String text, Pageable pageable) {
        String needle = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        List<Unit> matching = units.findAll().stream()
                .filter(u -> kind == null || u.kind() == kind)
                .filter(u -> needle.isEmpty() || u.code().contains(needle) || u.name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || u.shortName().contains(needle) || (u.nameEn() != null && u.nameEn().toLowerCase(java.util.Locale.ROOT).contains(needle)))
                .sorted(java.util.Comparator.comparing(Unit::kind).thenComparing(Unit::code))
                .toList();
        return org.gongjian.shared.Pages.of(matching, pageable);
    }

    /** The 15 towns and subdistricts with the management committee, ranked together. */
    public List<Unit> townLevelUnits() {
        return units.findByKindIn(List.of(UnitKind.TOWN, UnitKind.SUBDISTRICT, UnitKind.MANAGEMENT_COMMITTEE));
    }

    @Transactional
    public Unit create(UnitData data) {
        requireUnitWrite(data.code());
        if (units.findByCode(data.code()).isPresent()) {
            throw new ConflictException("error.unit.duplicate-code", data.code());
        }
        Unit unit = units.save(Unit.create(data, parentId(data)));
        audit.created("unit", unit.code(), UnitData.of(unit, data.parent()));
        return unit;
    }

    @Transactional
    public Unit update(String code, UnitData data, @Nullable Integer expectedVersion) {
        requireUnitWrite(code);
        Unit unit = unit(code);
        if (expectedVersion != null && !expectedVersion.equals(unit.version())) {
            throw new ConflictException("error.stale-version");
        }
        if (!code.equals(data.code())) {
            throw new InvalidInputException("code", "error.unit.code-immutable");
        }
        UnitData before = UnitData.of(unit, parentCode(unit));
        Long parentId = parentId(data);
        if (parentId != null && createsCycle(unit.id(), parentId)) {
            throw new InvalidInputException("parent", "error.unit.parent-cycle");
        }
        unit.apply(data, parentId);
        Unit saved = units.save(unit);
        audit.updated("unit", code, before, UnitData.of(saved, data.parent()));
        return saved;
    }

    /**
     * Creates, for a document being imported, the units it names that do not exist yet, parents first.
     * Units that exist already are left as they are.
     */
    @Transactional
    public void ensureExist(List<UnitData> wanted) {
        Map<String, UnitData> pending = new LinkedHashMap<>();
        wanted.forEach(u -> pending.put(u.code(), u));
        pending.keySet().removeAll(byCodes(pending.keySet()).keySet());
        List<String> progress = new ArrayList<>();
        while (!pending.isEmpty()) {
            progress.clear();
            for (UnitData data : List.copyOf(pending.values())) {
                if (data.parent() == null || units.findByCode(data.parent()).isPresent()) {
                    create(data);
                    progress.add(data.code());
                }
            }
            if (progress.isEmpty()) {
                throw new InvalidInputException("units", "error.unit.parent-unknown", pending.keySet());
            }
            progress.forEach(pending::remove);
        }
    }

    public @Nullable String parentCode(Unit unit) {
        return unit.parentId() == null ? null : units.findById(unit.parentId()).map(Unit::code).orElse(null);
    }

    /** The unit and all its ancestors' codes, nearest first. */
    public List<Unit> withAncestors(Unit unit) {
        List<Unit> chain = new ArrayList<>();
        Unit current = unit;
        while (current != null && chain.size() < 32) {
            chain.add(current);
            current = current.parentId() == null ? null : units.findById(current.parentId()).orElse(null);
        }
        return chain;
    }

    private @Nullable Long parentId(UnitData data) {
        if (data.parent() == null || data.parent().isBlank()) {
            return null;
        }
        return units.findByCode(data.parent())
                .orElseThrow(() -> new InvalidInputException("parent", "error.unit.parent-unknown", data.parent()))
                .id();
    }

    private boolean createsCycle(Long unitId, Long parentId) {
        Long current = parentId;
        for (int depth = 0; current != null && depth < 32; depth++) {
            if (current.equals(unitId)) {
                return true;
            }
            current = units.findById(current).map(Unit::parentId).orElse(null);
        }
        return false;
    }
}
