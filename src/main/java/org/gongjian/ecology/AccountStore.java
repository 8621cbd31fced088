package org.gongjian.ecology;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongjian.ecology.engine.GepResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of accounts and their versions; versions are inserted, and only a draft's publication is written once. */
@Repository
class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertAccount(String code, String name, int year, GepAccount.Kind kind, boolean demo, Instant at, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ecology_account (code, name, accounting_year, kind, demo, created_at, created_by)
                values (:code, :name, :year, :kind, :demo, :at, :by)""")
                .param("code", code).param("name", name).param("year", year).param("kind", kind.name()).param("demo", demo)
                .param("at", Timestamp.from(at)).param("by", by).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Inserts the next version, a draft, with its towns' figures; answers its number. */
    int insertVersion(long accountId, String method, String requestJson, GepResult result, String resultJson,
            @Nullable String note, Instant at, String by) {
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from ecology_account_version where account_id = :a")
                .param("a", accountId).query(Integer.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        BigDecimal sink = result.carbonSink() == null ? null : result.carbonSink().tonnesCo2();
        jdbc.sql("""
                insert into ecology_account_version (account_id, number, status, method, reference_id, reference_version,
                    reference_sha, request_json, result_json, total_value, forest_area, per_hectare, carbon_sink, note,
                    created_at, created_by)
                values (:a, :n, 'DRAFT', :method, :rid, :rv, :sha, :req, :res, :total, :area, :ha, :sink, :note, :at, :by)""")
                .param("a", accountId).param("n", number).param("method", method)
                .param("rid", result.reference().id()).param("rv", result.reference().version())
                .param("sha", result.reference().sha256()).param("req", requestJson).param("res", resultJson)
                .param("total", result.totals().total()).param("area", result.area())
                .param("ha", result.totals().perHectare()).param("sink", sink).param("note", note)
                .param("at", Timestamp.from(at)).param("by", by).update(key, "id");
        long versionId = key.getKeyAs(Number.class).longValue();
        for (GepResult.TownAccount t : result.towns()) {
            BigDecimal townSink = result.carbonSink() == null ? null : result.carbonSink().towns().stream()
                    .filter(s -> s.town().equals(t.town())).map(GepResult.TownSink::tonnesCo2).findFirst().orElse(null);
            jdbc.sql("""
                    insert into ecology_account_town (version_id, town_code, forest_area, gep_total, per_hectare, carbon_sink)
                    values (:v, :t, :area, :total, :ha, :sink)""")
                    .param("v", versionId).param("t", t.town()).param("area", t.area())
                    .param("total", t.totals().total()).param("ha", t.totals().perHectare()).param("sink", townSink)
                    .update();
        }
        return number;
    }

    /** Marks a draft published; answers false when it was not a draft any more (a concurrent publication). */
    boolean publish(long versionId, LocalDate on, Instant at, String by) {
        return jdbc.sql("""
                update ecology_account_version set status = 'PUBLISHED', published_on = :on, published_at = :at,
                    published_by = :by where id = :id and status = 'DRAFT'""")
                .param("on", Date.valueOf(on)).param("at", Timestamp.from(at)).param("by", by).param("id", versionId)
                .update() == 1;
    }

    long count() {
        return jdbc.sql("select count(*) from ecology_account").query(Long.class).single();
    }

    List<Long> ids(int offset, int limit) {
        return jdbc.sql("select id from ecology_account order by accounting_year desc, code limit :l offset :o")
                .param("l", limit).param("o", offset).query(Long.class).list();
    }

    Optional<GepAccount> find(String code) {
        return jdbc.sql("select id from ecology_account where code = :c").param("c", code).query(Long.class).optional()
                .map(this::load);
    }

    GepAccount load(long id) {
        List<GepAccount.Version> versions = new ArrayList<>();
        jdbc.sql("select * from ecology_account_version where account_id = :a order by number").param("a", id)
                .query((rs, n) -> {
                    Date published = rs.getDate("published_on");
                    long vid = rs.getLong("id");
                    return new GepAccount.Version(vid, rs.getInt("number"),
                            GepAccount.Status.valueOf(rs.getString("status")), rs.getString("method"),
                            rs.getString("reference_version"), rs.getString("reference_sha"),
                            rs.getBigDecimal("total_value"), rs.getBigDecimal("forest_area"),
                            rs.getBigDecimal("per_hectare"), rs.getBigDecimal("carbon_sink"), rs.getString("note"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                            published == null ? null : published.toLocalDate(), rs.getString("published_by"), List.of());
                }).list().forEach(v -> versions.add(withTowns(v)));
        return jdbc.sql("select * from ecology_account where id = :id").param("id", id)
                .query((rs, n) -> new GepAccount(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("accounting_year"), GepAccount.Kind.valueOf(rs.getString("kind")), rs.getBoolean("demo"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by"), List.copyOf(versions)))
                .single();
    }

    private GepAccount.Version withTowns(GepAccount.Version v) {
        List<GepAccount.TownFigures> towns = jdbc.sql(
                        "select * from ecology_account_town where version_id = :v order by town_code").param("v", v.id())
                .query((rs, n) -> new GepAccount.TownFigures(rs.getString("town_code"), rs.getBigDecimal("forest_area"),
                        rs.getBigDecimal("gep_total"), rs.getBigDecimal("per_hectare"), rs.getBigDecimal("carbon_sink")))
                .list();
        return new GepAccount.Version(v.id(), v.number(), v.status(), v.method(), v.referenceVersion(), v.referenceSha(),
                v.totalValue(), v.forestArea(), v.perHectare(), v.carbonSink(), v.note(), v.createdAt(), v.createdBy(),
                v.publishedOn(), v.publishedBy(), towns);
    }

    String requestJson(long versionId) {
        return jdbc.sql("select request_json from ecology_account_version where id = :id").param("id", versionId)
                .query((rs, n) -> rs.getString(1)).single();
    }

    String resultJson(long versionId) {
        return jdbc.sql("select result_json from ecology_account_version where id = :id").param("id", versionId)
                .query((rs, n) -> rs.getString(1)).single();
    }

    boolean seeded(String code) {
        return jdbc.sql("select count(*) from ecology_seed where code = :c").param("c", code).query(Long.class).single() > 0;
    }

    void markSeeded(String code, Instant at) {
        jdbc.sql("insert into ecology_seed (code, loaded_at) values (:c, :at)").param("c", code)
                .param("at", Timestamp.from(at)).update();
    }
}
