package org.gongjian.ipcentre;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The timeline of the centre's cases. */
@Component
class Timeline {

    static final String DESIGN = "design";
    static final String PROTECTION = "protection";

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String kind, long caseId, LocalDate on, @Nullable String from, String to, @Nullable String note,
            String actor) {
        jdbc.sql("""
                insert into ipcentre_case_event (case_kind, case_id, on_date, from_status, to_status, note, actor)
                values (:kind, :id, :on, :from, :to, :note, :actor)
                """).param("kind", kind).param("id", caseId).param("on", on).param("from", from).param("to", to)
                .param("note", note).param("actor", actor).update();
    }

    List<TimelineEntry> of(String kind, long caseId) {
        return jdbc.sql("""
                select on_date, from_status, to_status, note, actor from ipcentre_case_event
                where case_kind = :kind and case_id = :id order by on_date, id
                """).param("kind", kind).param("id", caseId)
                .query((rs, n) -> new TimelineEntry(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
