package org.gongjian.enterprise;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise register: find an enterprise by its credit code, register one (the code's check
 * character is verified, the town must be a unit of the city), update it, search the register.
 */
@Service
@Transactional(readOnly = true)
public class Enterprises {

    /** GB/T 4754-2017: a section letter, optionally with a 2-, 3- or 4-digit division, group or class. */
    private static final Pattern INDUSTRY = Pattern.compile("[A-T](\\d{2}|\\d{3}|\\d{4})?");
    private static final Pattern CLUSTER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String COLUMNS = "id, uscc, name, town_code, park, industry_code, above_scale, "
            + "listing_exchange, listing_date, demo, version";

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Enterprises(JdbcClient jdbc, Organisation organisation, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public Optional<Enterprise> findByUscc(String uscc) {
        return jdbc.sql("select " + COLUMNS + " from enterprise where uscc = :u").param("u", Uscc.normalise(uscc))
                .query(this::row).optional().map(this::withClusters);
    }

    public Enterprise byUscc(String uscc) {
        return findByUscc(uscc).orElseThrow(() -> new NotFoundException("enterprise.error.not-found", uscc));
    }

    public Enterprise byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from enterprise where id = :id").param("id", id).query(this::row)
                .optional().map(this::withClusters)
                .orElseThrow(() -> new NotFoundException("enterprise.error.not-found", id));
    }

    /** Enterprises by id, for ledgers that list their records beside them. */
    public Map<Long, Enterprise> byIds(Collection<Long> ids) {
        Map<Long, Enterprise> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<Enterprise> rows = jdbc.sql("select " + COLUMNS + " from enterprise where id in (:ids)")
                .param("ids", List.copyOf(ids)).query(this::row).list();
        Map<Long, List<String>> clusters = clusters(ids);
        for (Enterprise e : rows) {
            found.put(e.id(), with(e, clusters.getOrDefault(e.id(), List.of())));
        }
        return found;
    }

    /** Registers an enterprise; its credit code must be new to the register. */
    @Transactional
    public Enterprise register(EnterpriseData data, boolean demo) {
        String uscc = check(data);
        if (findByUscc(uscc).isPresent()) {
            throw new ConflictException("enterprise.error.duplicate", uscc);
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        long id;
        try {
            jdbc.sql("""
                    insert into enterprise (uscc, name, town_code, park, industry_code, above_scale, listing_exchange,
                        listing_date, demo, version, created_at, updated_at)
                    values (:uscc, :name, :town, :park, :industry, :above, :exchange, :listed, :demo, 0, :now, :now)
                    """)
                    .param("uscc", uscc).param("name", data.name().trim()).param("town", data.townCode())
                    .param("park", blankToNull(data.park())).param("industry", data.industryCode())
                    .param("above", Boolean.TRUE.equals(data.aboveScale())).param("exchange", blankToNull(data.listingExchange()))
                    .param("listed", data.listingDate()).param("demo", demo).param("now", now)
                    .update();
            id = lastId(uscc);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("enterprise.error.duplicate", uscc);
        }
        writeClusters(id, data.clusters());
        Enterprise created = byId(id);
        audit.created("enterprise", uscc, created);
        events.publishEvent(new EnterpriseFiguresChanged(EnterpriseFigures.FIRST_YEAR));
        return created;
    }

    /** The enterprise with this credit code, registered first from the data when it is not in the register. */
    @Transactional
    public Enterprise findOrRegister(EnterpriseData data, boolean demo) {
        Optional<Enterprise> found = findByUscc(Uscc.normalise(data.uscc()));
        return found.isPresent() ? found.get() : register(data, demo);
    }

    /** Updates an enterprise's fields; its credit code does not change. */
    @Transactional
    public Enterprise update(String uscc, EnterpriseData data, @Nullable Integer expectedVersion) {
        Enterprise before = byUscc(uscc);
        check(new EnterpriseData(before.uscc(), data.name(), data.townCode(), data.park(), data.industryCode(),
                data.clusters(), data.aboveScale(), data.listingExchange(), data.listingDate()));
        int version = expectedVersion == null ? before.version() : expectedVersion;
        int n = jdbc.sql("""
                update enterprise set name = :name, town_code = :town, park = :park, industry_code = :industry,
                    above_scale = :above, listing_exchange = :exchange, listing_date = :listed,
                    version = version + 1, updated_at = :now
                where id = :id and version = :version
                """)
                .param("name", data.name().trim()).param("town", data.townCode()).param("park", blankToNull(data.park()))
                .param("industry", data.industryCode()).param("above", Boolean.TRUE.equals(data.aboveScale()))
                .param("exchange", blankToNull(data.listingExchange())).param("listed", data.listingDate())
                .param("now", Timestamp.from(Instant.now(clock))).param("id", before.id()).param("version", version)
                .update();
        if (n == 0) {
            throw new ConflictException("error.stale-version", uscc);
        }
        jdbc.sql("delete from enterprise_cluster where enterprise_id = :id").param("id", before.id()).update();
        writeClusters(before.id(), data.clusters());
        Enterprise after = byId(before.id());
        audit.updated("enterprise", uscc, before, after);
        events.publishEvent(new EnterpriseFiguresChanged(EnterpriseFigures.FIRST_YEAR));
        return after;
    }

    /** The register, filtered by a part of the name or credit code, a town and a cluster, by name. */
    public Page<Enterprise> search(@Nullable String query, @Nullable String townCode, @Nullable String cluster,
            Pageable pageable) {
        return search(new RegisterFilter(query, townCode, null, null, cluster, null, null), pageable);
    }

    /** The register, filtered, by name. */
    public Page<Enterprise> search(RegisterFilter filter, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filled(filter.query())) {
            where.append(" and (lower(name) like :q or uscc like :u)");
            params.put("q", "%" + filter.query().trim().toLowerCase(java.util.Locale.ROOT) + "%");
            params.put("u", "%" + Uscc.normalise(filter.query()) + "%");
        }
        if (filled(filter.town())) {
            where.append(" and town_code = :town");
            params.put("town", filter.town());
        }
        if (filled(filter.park())) {
            where.append(" and park = :park");
            params.put("park", filter.park().trim());
        }
        if (filled(filter.industry())) {
            where.append(" and industry_code like :industry");
            params.put("industry", filter.industry().trim().toUpperCase(java.util.Locale.ROOT) + "%");
        }
        if (filled(filter.cluster())) {
            // a correlated exists, answered from the membership's primary key: H2 re-reads an "in (select …)" for every
            // row, which made the count over a 3,000-firm cluster take minutes
            where.append(" and exists (select 1 from enterprise_cluster m where m.enterprise_id = enterprise.id"
                    + " and m.cluster = :cluster)");
            params.put("cluster", filter.cluster());
        }
        if (filter.aboveScale() != null) {
            where.append(" and above_scale = :above");
            params.put("above", filter.aboveScale());
        }
        if (filter.listed() != null) {
            where.append(filter.listed() ? " and listing_date is not null" : " and listing_date is null");
        }
        long total = jdbc.sql("select count(*) from enterprise" + where).params(params).query(Long.class).single();
        String page = pageable.isUnpaged() ? "" : " limit " + pageable.getPageSize() + " offset " + pageable.getOffset();
        List<Enterprise> rows = jdbc.sql("select " + COLUMNS + " from enterprise" + where + " order by name, id" + page)
                .params(params).query(this::row).list();
        Map<Long, List<String>> clusters = clusters(rows.stream().map(Enterprise::id).toList());
        return new PageImpl<>(rows.stream().map(e -> with(e, clusters.getOrDefault(e.id(), List.of()))).toList(),
                pageable, total);
    }

    /** The parks named in the register, for filters. */
    public List<String> parks() {
        return jdbc.sql("select distinct park from enterprise where park is not null order by park").query(String.class)
                .list();
    }

    private static boolean filled(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private String check(EnterpriseData data) {
        List<Violation> v = new ArrayList<>();
        String uscc = Uscc.normalise(data.uscc());
        if (uscc.isEmpty()) {
            v.add(new Violation("uscc", "enterprise.error.uscc-required"));
        } else if (!Uscc.valid(uscc)) {
            v.add(new Violation("uscc", uscc.length() == 18 ? "enterprise.error.uscc-check" : "enterprise.error.uscc-format",
                    uscc));
        }
        if (data.name() == null || data.name().isBlank() || data.name().length() > 200) {
            v.add(new Violation("name", "enterprise.error.name"));
        }
        if (data.townCode() == null || organisation.findByCode(data.townCode()).isEmpty()) {
            v.add(new Violation("townCode", "enterprise.error.town", String.valueOf(data.townCode())));
        }
        if (data.industryCode() == null || !INDUSTRY.matcher(data.industryCode()).matches()) {
            v.add(new Violation("industryCode", "enterprise.error.industry", String.valueOf(data.industryCode())));
        }
        List<String> clusters = data.clusters() == null ? List.of() : data.clusters();
        for (int i = 0; i < clusters.size(); i++) {
            if (clusters.get(i) == null || !CLUSTER.matcher(clusters.get(i)).matches()) {
                v.add(new Violation("clusters[" + i + "]", "enterprise.error.cluster", String.valueOf(clusters.get(i))));
            }
        }
        boolean listed = data.listingExchange() != null && !data.listingExchange().isBlank();
        if (listed != (data.listingDate() != null)) {
            v.add(new Violation(listed ? "listingDate" : "listingExchange", "enterprise.error.listing"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return uscc;
    }

    private long lastId(String uscc) {
        return jdbc.sql("select id from enterprise where uscc = :u").param("u", uscc).query(Long.class).single();
    }

    private void writeClusters(long id, @Nullable List<String> clusters) {
        if (clusters == null) {
            return;
        }
        for (String cluster : new java.util.LinkedHashSet<>(clusters)) {
            jdbc.sql("insert into enterprise_cluster (enterprise_id, cluster) values (:id, :c)").param("id", id)
                    .param("c", cluster).update();
        }
    }

    private Map<Long, List<String>> clusters(Collection<Long> ids) {
        Map<Long, List<String>> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select enterprise_id, cluster from enterprise_cluster where enterprise_id in (:ids) order by cluster")
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return found;
    }

    private Enterprise withClusters(Enterprise e) {
        return with(e, clusters(List.of(e.id())).getOrDefault(e.id(), List.of()));
    }

    private static Enterprise with(Enterprise e, List<String> clusters) {
        return new Enterprise(e.id(), e.uscc(), e.name(), e.townCode(), e.park(), e.industryCode(), List.copyOf(clusters),
                e.aboveScale(), e.listingExchange(), e.listingDate(), e.demo(), e.version());
    }

    private Enterprise row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Enterprise(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), rs.getString("town_code"),
                rs.getString("park"), rs.getString("industry_code"), List.of(), rs.getBoolean("above_scale"),
                rs.getString("listing_exchange"), rs.getObject("listing_date", LocalDate.class), rs.getBoolean("demo"),
                rs.getInt("version"));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
