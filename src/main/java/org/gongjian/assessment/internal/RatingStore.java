package org.gongjian.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.gongjian.assessment.Grade;
import org.gongjian.assessment.Rating;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Append-only storage of ratings: a re-rating is a new row that supersedes the one before. */
@Repository
public class RatingStore {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String SELECT = """
            select r.id, r.unit_id, r.initiative_id, r.cycle, r.grade, r.comment_text, r.rated_by, r.rated_at, r.demo
              from assessment_rating r
            """;

    private final JdbcClient jdbc;

    RatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new rating says; {@code supersedes} is the rating it replaces. */
    public record NewRating(String programmeCode, long unitId, long initiativeId, String cycle, Grade grade,
            @Nullable String comment, String ratedBy, Instant ratedAt, @Nullable Long supersedes, boolean demo) {
    }

    public Rating insert(NewRating r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_rating (programme_code, unit_id, initiative_id, cycle, grade, comment_text,
                  rated_by, rated_at, supersedes_id, demo)
                values (:code, :unit, :initiative, :cycle, :grade, :comment, :by, :at, :supersedes, :demo)""")
                .param("code", r.programmeCode()).param("unit", r.unitId()).param("initiative", r.initiativeId())
                .param("cycle", r.cycle()).param("grade", r.grade().name()).param("comment", r.comment())
                .param("by", r.ratedBy()).param("at", Timestamp.from(r.ratedAt())).param("supersedes", r.supersedes())
                .param("demo", r.demo()).update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        return new Rating(id, r.unitId(), r.initiativeId(), r.cycle(), r.grade(), r.comment(), r.ratedBy(),
                r.ratedAt(), r.demo());
    }

    /**
     * The ratings in force now for a programme's reports of some cycles (one per report: the latest).
     */
    public List<Rating> current(String programmeCode, List<String> cycles) {
        if (cycles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 where r.programme_code = :code and r.cycle in (:cycles)
                   and not exists (select 1 from assessment_rating s where s.supersedes_id = r.id)
                 order by r.id""")
                .param("code", programmeCode).param("cycles", cycles).query(RatingStore::map).list();
    }

    /**
     * The ratings given within {@code [from, to]} that still stood at the end of {@code to}: what a period's
     * quality component counts.
     */
    public List<Rating> givenBetween(String programmeCode, LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(CITY).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(CITY).toInstant());
        return jdbc.sql(SELECT + """
                 where r.programme_code = :code and r.rated_at >= :start and r.rated_at < :end
                   and not exists (select 1 from assessment_rating s where s.supersedes_id = r.id and s.rated_at < :end)
                 order by r.id""")
                .param("code", programmeCode).param("start", start).param("end", end)
                .query(RatingStore::map).list();
    }

    private static Rating map(ResultSet rs, int row) throws SQLException {
        return new Rating(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("initiative_id"), rs.getString("cycle"),
                Grade.valueOf(rs.getString("grade")), rs.getString("comment_text"), rs.getString("rated_by"),
                rs.getTimestamp("rated_at").toInstant(), rs.getBoolean("demo"));
    }
}
