package org.gongjian.ipcentre;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.organisation.Actor;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The centre's registered firms (备案主体) and patent agencies: application against the registration
 * conditions (policy data), the status machine applied → registered → suspended → revoked, the yearly
 * re-check and the yearly pre-exam quota from last year's passes and pass rate.
 */
@Service
@Transactional(readOnly = true)
public class Firms {

    private static final String COLUMNS = """
            id, enterprise_id, status, agency_id, founded_on, insured_staff, granted_inventions, granted_utility,
            granted_designs, credit_flags, applied_on, registered_on, suspended_on, revoked_on, status_reason,
            last_recheck_year, demo, version""";

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final IpPolicy policy;
    private final Access access;
    private final AuditLog audit;
    private final Changes changes;

    Firms(JdbcClient jdbc, Enterprises enterprises, IpPolicy policy, Access access, AuditLog audit,
            Changes changes) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.policy = policy;
        this.access = access;
        this.audit = audit;
        this.changes = changes;
    }

    // --- agencies ---------------------------------------------------------------------------------

    public List<Agency> agencies() {
        return jdbc.sql("select id, agency_code, name, on_precision_list, demo, version from ipcentre_agency order by name")
                .query(Agency.class).list();
    }

    public Agency agency(long id) {
        return jdbc.sql("select id, agency_code, name, on_precision_list, demo, version from ipcentre_agency where id = :id")
                .param("id", id).query(Agency.class).optional()
                .orElseThrow(() -> new NotFoundException("ipcentre.error.agency-not-found", id));
    }

    @Transactional
    public Agency createAgency(String agencyCode, String name, boolean onPrecisionList, boolean demo) {
        access.requireWrite("ipcentre-agency", agencyCode);
        List<Violation> v = new ArrayList<>();
        if (agencyCode == null || !agencyCode.matches("[0-9A-Za-z-]{1,32}")) {
            v.add(new Violation("agencyCode", "ipcentre.error.agency-code"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            v.add(new Violation("name", "ipcentre.error.name"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (jdbc.sql("select count(*) from ipcentre_agency where agency_code = :c").param("c", agencyCode)
                .query(Long.class).single() > 0) {
            throw new ConflictException("ipcentre.error.agency-duplicate", agencyCode);
        }
        jdbc.sql("insert into ipcentre_agency (agency_code, name, on_precision_list, demo) values (:c, :n, :l, :d)")
                .param("c", agencyCode).param("n", name.trim()).param("l", onPrecisionList).param("d", demo).update();
        Agency created = jdbc.sql("select id, agency_code, name, on_precision_list, demo, version from ipcentre_agency "
                + "where agency_code = :c").param("c", agencyCode).query(Agency.class).single();
        audit.created("ipcentre-agency", agencyCode, created);
        return created;
    }

    /** Puts an agency on the centre's approved (precision-service) list or takes it off. */
    @Transactional
    public Agency setPrecisionList(long id, boolean on, @Nullable Integer expectedVersion) {
        Agency before = agency(id);
        access.requireWrite("ipcentre-agency", before.agencyCode());
        int n = jdbc.sql("update ipcentre_agency set on_precision_list = :on, version = version + 1 "
                        + "where id = :id and version = :v")
                .param("on", on).param("id", id).param("v", expectedVersion == null ? before.version() : expectedVersion)
                .update();
        if (n == 0) {
            throw new ConflictException("error.stale-version", id);
        }
        Agency after = agency(id);
        audit.updated("ipcentre-agency", before.agencyCode(), before, after);
        return after;
    }

    // --- firms ------------------------------------------------------------------------------------

    /**
     * A firm applies to be registered: the enterprise is found in the register by its credit code (or
     * registered there first), and the centre's record is made beside it, status APPLIED.
     */
    @Transactional
    public Firm apply(EnterpriseData enterprise, FirmFacts facts, @Nullable Long agencyId, @Nullable LocalDate appliedOn,
            boolean demo) {
        Actor actor = access.requireWrite("ipcentre-firm", enterprise.uscc());
        LocalDate on = access.on(appliedOn, "appliedOn");
        checkFacts(facts, on);
        if (agencyId != null) {
            agency(agencyId);
        }
        Enterprise e = enterprises.findOrRegister(enterprise, demo);
        if (byEnterprise(e.id()).isPresent()) {
            throw new ConflictException("ipcentre.error.firm-duplicate", e.uscc());
        }
        jdbc.sql("""
                insert into ipcentre_firm (enterprise_id, status, agency_id, founded_on, insured_staff, granted_inventions,
                    granted_utility, granted_designs, credit_flags, applied_on, demo)
                values (:e, 'APPLIED', :agency, :founded, :staff, :inv, :util, :des, :flags, :on, :demo)
                """)
                .param("e", e.id()).param("agency", agencyId).param("founded", facts.foundedOn())
                .param("staff", facts.insuredStaff()).param("inv", facts.grantedInventions())
                .param("util", facts.grantedUtility()).param("des", facts.grantedDesigns())
                .param("flags", flags(facts)).param("on", on).param("demo", demo).update();
        Firm firm = byEnterprise(e.id()).orElseThrow();
        audit.created("ipcentre-firm", e.uscc(), summary(firm));
        changes.touched(on);
        return firm;
    }

    public Firm firm(long id) {
        return load(id).orElseThrow(() -> new NotFoundException("ipcentre.error.firm-not-found", id));
    }

    public Optional<Firm> byEnterprise(long enterpriseId) {
        Optional<Long> id = jdbc.sql("select id from ipcentre_firm where enterprise_id = :e").param("e", enterpriseId)
                .query(Long.class).optional();
        return id.flatMap(this::load);
    }

    public Optional<Firm> byUscc(String uscc) {
        return enterprises.findByUscc(uscc).flatMap(e -> byEnterprise(e.id()));
    }

    public Page<Firm> list(@Nullable FirmStatus status, Pageable pageable) {
        String where = status == null ? "" : " where status = '" + status.name() + "'";
        long total = jdbc.sql("select count(*) from ipcentre_firm" + where).query(Long.class).single();
        String page = pageable.isUnpaged() ? "" : " limit " + pageable.getPageSize() + " offset " + pageable.getOffset();
        List<Long> ids = jdbc.sql("select f.id from ipcentre_firm f join enterprise e on e.id = f.enterprise_id"
                + where.replace("status", "f.status") + " order by e.name, f.id" + page).query(Long.class).list();
        return new PageImpl<>(ids.stream().map(this::firm).toList(), pageable, total);
    }

    /** The registration conditions (policy in force on the day) and whether the firm's facts meet them. */
    public List<Firm.Condition> conditions(FirmFacts facts, LocalDate on) {
        List<Firm.Condition> c = new ArrayList<>();
        int minYears = policy.intValue(IpPolicy.FIRM_MIN_YEARS, on);
        int years = facts.foundedOn() == null ? 0 : Period.between(facts.foundedOn(), on).getYears();
        c.add(new Firm.Condition("years", "≥" + minYears, String.valueOf(years), years >= minYears));
        int minStaff = policy.intValue(IpPolicy.FIRM_MIN_INSURED, on);
        c.add(new Firm.Condition("insuredStaff", "≥" + minStaff, String.valueOf(facts.insuredStaff()),
                facts.insuredStaff() >= minStaff));
        int minInventions = policy.intValue(IpPolicy.FIRM_MIN_INVENTIONS, on);
        int minOther = policy.intValue(IpPolicy.FIRM_MIN_UTILITY_OR_DESIGNS, on);
        int other = facts.grantedUtility() + facts.grantedDesigns();
        c.add(new Firm.Condition("grantedPatents", "≥" + minInventions + " / ≥" + minOther,
                facts.grantedInventions() + " / " + other,
                facts.grantedInventions() >= minInventions || other >= minOther));
        List<String> flags = facts.creditFlags() == null ? List.of() : facts.creditFlags();
        c.add(new Firm.Condition("creditRecord", "0", String.valueOf(flags.size()), flags.isEmpty()));
        return c;
    }

    /**
     * Moves a firm to another status. Registering (from APPLIED, or reinstating from SUSPENDED) requires
     * every condition met; suspending and revoking require a reason.
     */
    @Transactional
    public Firm changeStatus(long id, FirmStatus to, @Nullable LocalDate on, @Nullable String reason,
            @Nullable Integer expectedVersion) {
        Firm before = firm(id);
        access.requireWrite("ipcentre-firm", before.enterprise().uscc());
        LocalDate day = access.on(on, "on");
        if (!before.status().next().contains(to)) {
            throw new ConflictException("ipcentre.error.firm-transition", before.status(), to);
        }
        if (to == FirmStatus.REGISTERED) {
            List<Violation> unmet = conditions(before.facts(), day).stream().filter(c -> !c.met())
                    .map(c -> new Violation("conditions." + c.code(), "ipcentre.error.condition." + c.code(), c.required(),
                            c.actual()))
                    .toList();
            if (!unmet.isEmpty()) {
                throw new InvalidInputException(unmet);
            }
        } else if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "ipcentre.error.reason-required");
        }
        String column = switch (to) {
            case REGISTERED -> "registered_on";
            case SUSPENDED -> "suspended_on";
            case REVOKED -> "revoked_on";
            case APPLIED -> "applied_on";
        };
        int n = jdbc.sql("update ipcentre_firm set status = :to, " + column + " = :on, status_reason = :reason, "
                        + "version = version + 1 where id = :id and version = :v")
                .param("to", to.name()).param("on", day).param("reason", reason).param("id", id)
                .param("v", expectedVersion == null ? before.version() : expectedVersion).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version", id);
        }
        if (to == FirmStatus.REGISTERED) {
            quota(id, day.getYear());
        }
        Firm after = firm(id);
        audit.updated("ipcentre-firm", before.enterprise().uscc(), summary(before), summary(after));
        changes.touched(day);
        return after;
    }

    /**
     * The yearly re-check: the firm's facts as declared for the year are checked against the conditions
     * in force; a registered firm that no longer meets them is suspended. The year's quota is set.
     */
    @Transactional
    public Firm recheck(long id, int year, FirmFacts facts, @Nullable LocalDate on) {
        Firm before = firm(id);
        access.requireWrite("ipcentre-firm", before.enterprise().uscc());
        LocalDate day = access.on(on, "on");
        checkFacts(facts, day);
        if (before.status() == FirmStatus.REVOKED || before.status() == FirmStatus.APPLIED) {
            throw new ConflictException("ipcentre.error.recheck-status", before.status());
        }
        if (before.lastRecheckYear() != null && before.lastRecheckYear() >= year) {
            throw new ConflictException("ipcentre.error.recheck-done", year);
        }
        jdbc.sql("""
                update ipcentre_firm set founded_on = :founded, insured_staff = :staff, granted_inventions = :inv,
                    granted_utility = :util, granted_designs = :des, credit_flags = :flags, last_recheck_year = :year,
                    version = version + 1
                where id = :id
                """)
                .param("founded", facts.foundedOn()).param("staff", facts.insuredStaff())
                .param("inv", facts.grantedInventions()).param("util", facts.grantedUtility())
                .param("des", facts.grantedDesigns()).param("flags", flags(facts)).param("year", year).param("id", id)
                .update();
        List<Firm.Condition> unmet = conditions(facts, day).stream().filter(c -> !c.met()).toList();
        if (!unmet.isEmpty() && before.status() == FirmStatus.REGISTERED) {
            jdbc.sql("update ipcentre_firm set status = 'SUSPENDED', suspended_on = :on, status_reason = :r where id = :id")
                    .param("on", day).param("r", "年度复核未通过：" + String.join("、",
                            unmet.stream().map(Firm.Condition::code).toList()))
                    .param("id", id).update();
        }
        jdbc.sql("delete from ipcentre_quota where firm_id = :id and quota_year = :y").param("id", id).param("y", year)
                .update();
        quota(id, year);
        Firm after = firm(id);
        audit.updated("ipcentre-firm", before.enterprise().uscc(), "recheck " + year, summary(before), summary(after));
        changes.touched(day);
        return after;
    }

    /** A firm's quota for a year, computed and stored on first use from the year before's cases. */
    @Transactional
    public Firm.Quota quota(long firmId, int year) {
        Optional<Firm.Quota> stored = storedQuota(firmId, year);
        if (stored.isPresent()) {
            return stored.get();
        }
        Firm.Quota q = computeQuota(firmId, year);
        jdbc.sql("""
                insert into ipcentre_quota (firm_id, quota_year, quota, last_year_accepted, last_year_passed,
                    last_year_rate_pct) values (:f, :y, :q, :a, :p, :r)
                """).param("f", firmId).param("y", year).param("q", q.quota()).param("a", q.lastYearAccepted())
                .param("p", q.lastYearPassed()).param("r", q.lastYearRatePct()).update();
        return q;
    }

    /**
     * The quota rule: last year's passes times a factor chosen by last year's pass rate (passes ÷ cases
     * accepted), never below the base quota; a firm with no accepted case last year gets the base.
     */
    Firm.Quota computeQuota(long firmId, int year) {
        LocalDate on = LocalDate.of(year, 1, 1);
        int accepted = jdbc.sql("select count(*) from ipcentre_design_case where firm_id = :f and accepted_on >= :a "
                + "and accepted_on < :b").param("f", firmId).param("a", LocalDate.of(year - 1, 1, 1)).param("b", on)
                .query(Integer.class).single();
        int passed = jdbc.sql("select count(*) from ipcentre_design_case where firm_id = :f and passed_on >= :a "
                + "and passed_on < :b").param("f", firmId).param("a", LocalDate.of(year - 1, 1, 1)).param("b", on)
                .query(Integer.class).single();
        return quotaFor(year, accepted, passed, on);
    }

    Firm.Quota quotaFor(int year, int accepted, int passed, LocalDate on) {
        int base = policy.intValue(IpPolicy.QUOTA_BASE, on);
        if (accepted == 0) {
            return new Firm.Quota(year, base, 0, 0, null);
        }
        BigDecimal rate = BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(accepted), 2, RoundingMode.HALF_UP);
        BigDecimal factor;
        if (rate.compareTo(policy.value(IpPolicy.QUOTA_RATE_HIGH, on)) >= 0) {
            factor = policy.value(IpPolicy.QUOTA_FACTOR_HIGH, on);
        } else if (rate.compareTo(policy.value(IpPolicy.QUOTA_RATE_LOW, on)) >= 0) {
            factor = policy.value(IpPolicy.QUOTA_FACTOR_MID, on);
        } else {
            factor = policy.value(IpPolicy.QUOTA_FACTOR_LOW, on);
        }
        int quota = Math.max(base, factor.multiply(BigDecimal.valueOf(passed)).setScale(0, RoundingMode.CEILING).intValue());
        return new Firm.Quota(year, quota, accepted, passed, rate);
    }

    int quotaUsed(long firmId, int year) {
        return jdbc.sql("select count(*) from ipcentre_design_case where firm_id = :f and submitted_on >= :a "
                        + "and submitted_on < :b")
                .param("f", firmId).param("a", LocalDate.of(year, 1, 1)).param("b", LocalDate.of(year + 1, 1, 1))
                .query(Integer.class).single();
    }

    public boolean mayWrite() {
        return access.mayWrite();
    }

    public List<PolicyParameter> policy() {
        return policy.all();
    }

    private Optional<Firm.Quota> storedQuota(long firmId, int year) {
        return jdbc.sql("select quota_year, quota, last_year_accepted, last_year_passed, last_year_rate_pct "
                        + "from ipcentre_quota where firm_id = :f and quota_year = :y")
                .param("f", firmId).param("y", year)
                .query((rs, n) -> new Firm.Quota(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5)))
                .optional();
    }

    private Optional<Firm> load(long id) {
        LocalDate today = access.today();
        return jdbc.sql("select " + COLUMNS + " from ipcentre_firm where id = :id").param("id", id)
                .query((rs, n) -> {
                    String flags = rs.getString("credit_flags");
                    FirmFacts facts = new FirmFacts(rs.getObject("founded_on", LocalDate.class), rs.getInt("insured_staff"),
                            rs.getInt("granted_inventions"), rs.getInt("granted_utility"), rs.getInt("granted_designs"),
                            flags == null || flags.isBlank() ? List.of() : List.of(flags.split("\n")));
                    long firmId = rs.getLong("id");
                    return new Firm(firmId, enterprises.byId(rs.getLong("enterprise_id")), FirmStatus.valueOf(rs.getString("status")),
                            (Long) rs.getObject("agency_id", Long.class), facts, rs.getObject("applied_on", LocalDate.class),
                            rs.getObject("registered_on", LocalDate.class), rs.getObject("suspended_on", LocalDate.class),
                            rs.getObject("revoked_on", LocalDate.class), rs.getString("status_reason"),
                            (Integer) rs.getObject("last_recheck_year", Integer.class),
                            storedQuota(firmId, today.getYear()).orElse(null), quotaUsed(firmId, today.getYear()),
                            rs.getBoolean("demo"), rs.getInt("version"));
                }).optional();
    }

    private static void checkFacts(FirmFacts facts, LocalDate on) {
        List<Violation> v = new ArrayList<>();
        if (facts.foundedOn() == null || facts.foundedOn().isAfter(on)) {
            v.add(new Violation("facts.foundedOn", "ipcentre.error.founded"));
        }
        if (facts.insuredStaff() < 0 || facts.grantedInventions() < 0 || facts.grantedUtility() < 0
                || facts.grantedDesigns() < 0) {
            v.add(new Violation("facts", "ipcentre.error.negative"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static @Nullable String flags(FirmFacts facts) {
        return facts.creditFlags() == null || facts.creditFlags().isEmpty() ? null : String.join("\n", facts.creditFlags());
    }

    private static Map<String, Object> summary(Firm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", f.enterprise().uscc());
        m.put("name", f.enterprise().name());
        m.put("status", f.status());
        m.put("agencyId", f.agencyId());
        m.put("facts", f.facts());
        m.put("reason", f.statusReason());
        m.put("lastRecheckYear", f.lastRecheckYear());
        return m;
    }
}
