package org.gongjian.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Banks and branches (enterprises of the register, with their credit code) and the consortia (金融服务银团): a lead
 * bank, members and liaisons, paired with one town-level unit for a period of validity.
 */
@Service
@Transactional(readOnly = true)
public class Pairings {

    public enum InstitutionKind { BANK, RURAL_COMMERCIAL_BANK, POLICY_BANK, INSURER, GUARANTOR, SECURITIES }

    public record Institution(long id, long enterpriseId, String uscc, String name, String townCode, InstitutionKind kind,
            @Nullable Long parentId, boolean demo, int version) {
    }

    public record NewInstitution(@Nullable String uscc, @Nullable String name, @Nullable String townCode,
            @Nullable InstitutionKind kind, @Nullable Long parentId) {
    }

    public record Liaison(String name, @Nullable String phone, String side) {
    }

    public record Consortium(long id, String name, long leadInstitutionId, String leadName, String townCode,
            LocalDate agreementDate, LocalDate validFrom, @Nullable LocalDate validTo, List<Long> memberIds,
            List<Liaison> liaisons, boolean demo, int version) {

        public boolean activeOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    public record NewConsortium(@Nullable String name, @Nullable Long leadInstitutionId, @Nullable List<Long> memberIds,
            @Nullable String townCode, @Nullable LocalDate agreementDate, @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo, @Nullable List<Liaison> liaisons) {
    }

    /** The pairings changed: the figures are stale. */
    public record PairingsChanged() {
    }

    /** Banks are registered in GB/T 4754 class J6621 (商业银行服务) unless they are already in the register. */
    static final String BANK_INDUSTRY = "J6621";

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final Organisation organisation;
    private final FinanceAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Pairings(JdbcClient jdbc, Enterprises enterprises, Organisation organisation, FinanceAccess access, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    public List<Institution> institutions() {
        List<Row> rows = jdbc.sql("select id, enterprise_id, kind, parent_id, demo, version from finance_institution order by id")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), InstitutionKind.valueOf(rs.getString(3)),
                        (Long) rs.getObject(4), rs.getBoolean(5), rs.getInt(6))).list();
        Map<Long, Enterprise> byId = enterprises.byIds(rows.stream().map(Row::enterpriseId).toList());
        return rows.stream().map(r -> {
            Enterprise e = byId.get(r.enterpriseId());
            return new Institution(r.id(), r.enterpriseId(), e.uscc(), e.name(), e.townCode(), r.kind(), r.parentId(), r.demo(),
                    r.version());
        }).toList();
    }

    private record Row(long id, long enterpriseId, InstitutionKind kind, @Nullable Long parentId, boolean demo,
            int version) {
    }

    public Institution institution(long id) {
        return institutions().stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("finance.error.institution-not-found", id));
    }

    /** Registers a bank or branch: the enterprise is found in the register by its credit code, or registered there. */
    @Transactional
    public Institution addInstitution(NewInstitution data, boolean demo) {
        access.requireOffice("finance-institution", String.valueOf(data.uscc()));
        if (data.kind() == null) {
            throw new InvalidInputException("kind", "finance.error.required");
        }
        if (data.parentId() != null) {
            institution(data.parentId());
        }
        Enterprise e = enterprises.findOrRegister(new EnterpriseData(data.uscc(), data.name(), data.townCode(), null,
                BANK_INDUSTRY, List.of(), false, null, null), demo);
        if (jdbc.sql("select count(*) from finance_institution where enterprise_id = :e").param("e", e.id())
                .query(Long.class).single() > 0) {
            throw new InvalidInputException("uscc", "finance.error.institution-duplicate", e.uscc());
        }
        jdbc.sql("insert into finance_institution (enterprise_id, kind, parent_id, demo) values (:e, :k, :p, :d)")
                .param("e", e.id()).param("k", data.kind().name()).param("p", data.parentId()).param("d", demo).update();
        long id = jdbc.sql("select id from finance_institution where enterprise_id = :e").param("e", e.id())
                .query(Long.class).single();
        Institution created = institution(id);
        audit.created("finance-institution", String.valueOf(id), created);
        return created;
    }

    /**
     * Changes what the ledger keeps of an institution: its kind and the institution it is a branch of (its name, code
     * and town are the register's). Refused when someone else changed it meanwhile.
     */
    @Transactional
    public Institution updateInstitution(long id, @Nullable InstitutionKind kind, @Nullable Long parentId,
            int expectedVersion) {
        access.requireOffice("finance-institution", String.valueOf(id));
        Institution before = institution(id);
        if (kind == null) {
            throw new InvalidInputException("kind", "finance.error.required");
        }
        if (parentId != null) {
            Map<Long, Institution> all = new java.util.HashMap<>();
            institutions().forEach(i -> all.put(i.id(), i));
            if (!all.containsKey(parentId)) {
                throw new InvalidInputException("parentId", "finance.error.institution-not-found", parentId);
            }
            // the parent's chain up to its head office must not pass through this institution
            for (Long up = parentId; up != null; up = all.get(up).parentId()) {
                if (up == id) {
                    throw new InvalidInputException("parentId", "finance.error.parent-cycle");
                }
            }
        }
        int n = jdbc.sql("update finance_institution set kind = :k, parent_id = :p, version = version + 1 where id = :id and version = :v")
                .param("k", kind.name()).param("p", parentId).param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new org.gongjian.shared.ConflictException("error.stale-version");
        }
        Institution after = institution(id);
        audit.updated("finance-institution", String.valueOf(id), "changed", before, after);
        return after;
    }

    public List<Consortium> consortia() {
        Map<Long, String> names = new java.util.HashMap<>();
        institutions().forEach(i -> names.put(i.id(), i.name()));
        Map<Long, List<Long>> members = new java.util.HashMap<>();
        jdbc.sql("select consortium_id, institution_id from finance_member order by member_role, institution_id")
                .query((rs, n) -> members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        Map<Long, List<Liaison>> liaisons = new java.util.HashMap<>();
        jdbc.sql("select consortium_id, name, phone, side from finance_liaison order by id")
                .query((rs, n) -> liaisons.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Liaison(rs.getString(2), rs.getString(3), rs.getString(4)))).list();
        return jdbc.sql("""
                select id, name, lead_institution_id, town_code, agreement_date, valid_from, valid_to, demo, version
                  from finance_consortium order by id""")
                .query((rs, n) -> new Consortium(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        names.getOrDefault(rs.getLong(3), ""), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        List.copyOf(members.getOrDefault(rs.getLong(1), List.of())),
                        List.copyOf(liaisons.getOrDefault(rs.getLong(1), List.of())), rs.getBoolean(8), rs.getInt(9)))
                .list();
    }

    public Consortium consortium(long id) {
        return consortia().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("finance.error.consortium-not-found", id));
    }

    /** The consortium paired with a town on a day, if any. */
    public java.util.Optional<Consortium> pairedWith(String townCode, LocalDate on) {
        return consortia().stream().filter(c -> c.townCode().equals(townCode) && c.activeOn(on)).findFirst();
    }

    /**
     * Pairs a consortium with a town: the lead bank is a member, the town is a town-level unit, and no other
     * consortium is paired with it in an overlapping period (the pairing is one to one).
     */
    @Transactional
    public Consortium pair(NewConsortium data, boolean demo) {
        access.requireOffice("finance-consortium", String.valueOf(data.name()));
        check(data, null);
        jdbc.sql("""
                insert into finance_consortium (name, lead_institution_id, town_code, agreement_date, valid_from, valid_to, demo)
                values (:n, :l, :t, :a, :f, :to, :d)""")
                .param("n", data.name().trim()).param("l", data.leadInstitutionId()).param("t", data.townCode())
                .param("a", data.agreementDate()).param("f", data.validFrom()).param("to", data.validTo())
                .param("d", demo).update();
        long id = jdbc.sql("select id from finance_consortium where name = :n").param("n", data.name().trim())
                .query(Long.class).single();
        writeMembersAndLiaisons(id, data);
        Consortium created = consortium(id);
        audit.created("finance-consortium", String.valueOf(id), created);
        events.publishEvent(new PairingsChanged());
        return created;
    }

    /**
     * Changes a consortium: its name, lead bank, members, liaisons, town and validity, under the same rules as when
     * it was paired (one consortium per town at a time). Refused when someone else changed it meanwhile.
     */
    @Transactional
    public Consortium update(long id, NewConsortium data, int expectedVersion) {
        access.requireOffice("finance-consortium", String.valueOf(id));
        Consortium before = consortium(id);
        check(data, id);
        int n = jdbc.sql("""
                update finance_consortium set name = :n, lead_institution_id = :l, town_code = :t, agreement_date = :a,
                    valid_from = :f, valid_to = :to, version = version + 1 where id = :id and version = :v""")
                .param("n", data.name().trim()).param("l", data.leadInstitutionId()).param("t", data.townCode())
                .param("a", data.agreementDate()).param("f", data.validFrom()).param("to", data.validTo())
                .param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new org.gongjian.shared.ConflictException("error.stale-version");
        }
        jdbc.sql("delete from finance_member where consortium_id = :c").param("c", id).update();
        jdbc.sql("delete from finance_liaison where consortium_id = :c").param("c", id).update();
        writeMembersAndLiaisons(id, data);
        Consortium after = consortium(id);
        audit.updated("finance-consortium", String.valueOf(id), "changed", before, after);
        events.publishEvent(new PairingsChanged());
        return after;
    }

    /** The phone of a liaison: digits, with an area code's hyphen, a leading + or spaces allowed. */
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9][0-9 -]{4,18}[0-9]");

    /** Every rule of a consortium's data, all violations at once; {@code self} is the consortium being changed. */
    private void check(NewConsortium data, @Nullable Long self) {
        List<Violation> v = new ArrayList<>();
        if (data.name() == null || data.name().isBlank() || data.name().length() > 100) {
            v.add(new Violation("name", "finance.error.required"));
        } else if (consortia().stream().anyMatch(c -> c.name().equals(data.name().trim()) && !Long.valueOf(c.id()).equals(self))) {
            v.add(new Violation("name", "finance.error.consortium-name-taken", data.name().trim()));
        }
        List<Long> known = institutions().stream().map(Institution::id).toList();
        if (data.leadInstitutionId() == null) {
            v.add(new Violation("leadInstitutionId", "finance.error.required"));
        } else if (!known.contains(data.leadInstitutionId())) {
            v.add(new Violation("leadInstitutionId", "finance.error.institution-not-found", data.leadInstitutionId()));
        }
        if (data.memberIds() != null && !known.containsAll(data.memberIds())) {
            v.add(new Violation("memberIds", "finance.error.institution-not-found", data.memberIds().stream()
                    .filter(m -> !known.contains(m)).findFirst().orElseThrow()));
        }
        boolean town = data.townCode() != null
                && organisation.townLevelUnits().stream().anyMatch(u -> u.code().equals(data.townCode()));
        if (!town) {
            v.add(new Violation("townCode", "finance.error.not-a-town", String.valueOf(data.townCode())));
        }
        if (data.agreementDate() == null) {
            v.add(new Violation("agreementDate", "finance.error.required"));
        }
        if (data.validFrom() == null) {
            v.add(new Violation("validFrom", "finance.error.required"));
        } else if (data.validTo() != null && data.validTo().isBefore(data.validFrom())) {
            v.add(new Violation("validTo", "finance.error.valid-to-before-from"));
        }
        List<Liaison> liaisons = data.liaisons() == null ? List.of() : data.liaisons();
        for (int i = 0; i < liaisons.size(); i++) {
            Liaison l = liaisons.get(i);
            if (l.name() == null || l.name().isBlank() || l.name().length() > 50) {
                v.add(new Violation("liaisons[" + i + "].name", "finance.error.liaison-name"));
            }
            if (l.phone() == null || !PHONE.matcher(l.phone().trim()).matches()) {
                v.add(new Violation("liaisons[" + i + "].phone", "finance.error.phone", String.valueOf(l.phone())));
            }
            if (!"BANK".equals(l.side()) && !"TOWN".equals(l.side())) {
                v.add(new Violation("liaisons[" + i + "].side", "finance.error.required"));
            }
        }
        if (town && data.validFrom() != null && (data.validTo() == null || !data.validTo().isBefore(data.validFrom()))) {
            LocalDate to = data.validTo() == null ? LocalDate.MAX : data.validTo();
            consortia().stream().filter(c -> c.townCode().equals(data.townCode()) && !Long.valueOf(c.id()).equals(self)
                    && !c.validFrom().isAfter(to) && (c.validTo() == null || !c.validTo().isBefore(data.validFrom())))
                    .findFirst().ifPresent(c -> v.add(new Violation("townCode", "finance.error.town-already-paired",
                            organisation.unit(data.townCode()).shortName(), c.name(), c.validFrom().toString(),
                            c.validTo() == null ? "—" : c.validTo().toString())));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private void writeMembersAndLiaisons(long id, NewConsortium data) {
        jdbc.sql("insert into finance_member (consortium_id, institution_id, member_role) values (:c, :i, 'LEAD')")
                .param("c", id).param("i", data.leadInstitutionId()).update();
        for (Long member : new java.util.LinkedHashSet<>(data.memberIds() == null ? List.<Long>of() : data.memberIds())) {
            if (!member.equals(data.leadInstitutionId())) {
                jdbc.sql("insert into finance_member (consortium_id, institution_id, member_role) values (:c, :i, 'MEMBER')")
                        .param("c", id).param("i", member).update();
            }
        }
        for (Liaison l : data.liaisons() == null ? List.<Liaison>of() : data.liaisons()) {
            jdbc.sql("insert into finance_liaison (consortium_id, name, phone, side) values (:c, :n, :p, :s)")
                    .param("c", id).param("n", l.name().trim()).param("p", l.phone() == null ? null : l.phone().trim())
                    .param("s", l.side()).update();
        }
    }

    /** Ends a pairing on a day (the agreement ran out or was replaced). */
    @Transactional
    public Consortium end(long id, LocalDate on, int expectedVersion) {
        access.requireOffice("finance-consortium", String.valueOf(id));
        Consortium before = consortium(id);
        if (on.isBefore(before.validFrom())) {
            throw new InvalidInputException("validTo", "finance.error.valid-to-before-from");
        }
        int n = jdbc.sql("update finance_consortium set valid_to = :to, version = version + 1 where id = :id and version = :v")
                .param("to", on).param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new org.gongjian.shared.ConflictException("error.stale-version");
        }
        Consortium after = consortium(id);
        audit.updated("finance-consortium", String.valueOf(id), "pairing ended", before, after);
        events.publishEvent(new PairingsChanged());
        return after;
    }

    /** Whether an institution is a member (or the lead) of a consortium. */
    public boolean member(long consortiumId, long institutionId) {
        return jdbc.sql("select count(*) from finance_member where consortium_id = :c and institution_id = :i")
                .param("c", consortiumId).param("i", institutionId).query(Long.class).single() > 0;
    }
}
