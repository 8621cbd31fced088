package org.gongjian.reporting.bulletin;

import java.util.ArrayList;
import java.util.List;
import org.gongjian.assessment.BulletinRanking;
import org.gongjian.assessment.BulletinRanking.Line;
import org.gongjian.reporting.Document.Section;
import org.gongjian.reporting.Document.Table;
import org.gongjian.reporting.review.Words;

/**
 * The bulletin's 进度排名 (争先进位): for each peer group, the first and last three (A、B、C位居前三名), the
 * best and worst movers, and the full table with rank, score and movement since the month before, as the
 * assessment module ranked the month.
 */
final class RankingSection {

    private final Words words;

    RankingSection(Words words) {
        this.words = words;
    }

    Section section(BulletinRanking ranking) {
        List<String> lines = new ArrayList<>();
        lines.add(words.get("bulletin.ranking.scheme", ranking.schemeName()));
        if (ranking.provisional()) {
            lines.add(words.get("bulletin.ranking.provisional"));
        }
        List<Table> tables = new ArrayList<>();
        for (BulletinRanking.Group g : ranking.groups()) {
            String group = words.get(g.group().messageKey());
            if (g.table().isEmpty()) {
                lines.add(words.get("bulletin.ranking.none", group));
                continue;
            }
            String movers = g.bestMovers().isEmpty() && g.worstMovers().isEmpty() ? ""
                    : words.get("bulletin.ranking.movers", names(g.bestMovers(), true), names(g.worstMovers(), true));
            lines.add(words.get("bulletin.ranking.group", group, names(g.top(), false), names(g.bottom(), false), movers));
            if (!g.unranked().isEmpty()) {
                lines.add(words.get("bulletin.ranking.unranked", group,
                        words.list(g.unranked().stream().map(u -> u.displayName(words.locale())).toList())));
            }
            List<List<String>> rows = new ArrayList<>();
            for (Line l : g.table()) {
                rows.add(List.of(String.valueOf(l.rank()), l.unit().displayName(words.locale()), l.total().toPlainString(),
                        movement(l)));
            }
            tables.add(new Table(words.get("bulletin.table.ranking", group),
                    List.of(words.get("bulletin.table.ranking.header").split("\\|")), rows));
        }
        return new Section("", words.get("bulletin.ranking"), lines, List.of(), tables, List.of(), List.of());
    }

    /** A refusal of the assessment module (a month outside the programme, no scheme) said in one line. */
    Section unavailable(String reason) {
        return Section.text("", words.get("bulletin.ranking"), List.of(words.get("bulletin.ranking.unavailable", reason)));
    }

    private String names(List<Line> lines, boolean withMovement) {
        if (lines.isEmpty()) {
            return "—";
        }
        return words.list(lines.stream().map(l -> l.unit().displayName(words.locale())
                + (withMovement ? (words.chinese() ? "（" + movement(l) + "）" : " (" + movement(l) + ")") : "")).toList());
    }

    /** ↑3, ↓1, — (unchanged), or 新 when the unit was not ranked the month before. */
    private String movement(Line l) {
        Integer m = l.movement();
        if (m == null) {
            return words.get("bulletin.ranking.new");
        }
        return m > 0 ? "↑" + m : m < 0 ? "↓" + (-m) : "—";
    }
}
