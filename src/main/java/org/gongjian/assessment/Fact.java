package org.gongjian.assessment;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One thing that counts in a unit's score for a period, as it stood at the period's end: a target with
 * its progress and time progress, a milestone or report with its due and done dates, a notice, an
 * honour, a rating. Facts are all a score is computed from, so a stored ranking can be re-scored exactly.
 *
 * @param key          unique within the unit and period, e.g. {@code target:roads.demo-roads},
 *                     {@code milestone:12}, {@code report:4:2024-05}, {@code notice:7:answer},
 *                     {@code notice:7:SUPERVISE}, {@code honour:3}, {@code rating:41}
 * @param label        what the item is called: the target's name, the milestone's or notice's title, the
 *                     honour's name, the initiative's title for a report or rating
 * @param initiative   the initiative's number, when the item belongs to one
 * @param progress     a target's progress from baseline to target (1 = met)
 * @param timeProgress a target's time progress (时间进度) at the period's end
 * @param due          a milestone's, report's or notice's due date
 * @param done         when it was completed, submitted or answered (null when not)
 * @param reference    what the item refers to for a reader: a cycle (2024-05), a notice number, a level
 * @param demo         whether the item rests on demo data
 */
public record Fact(String key, FactKind kind, Credit credit, String label, @Nullable Integer initiative,
        Outcome outcome, @Nullable Double progress, @Nullable Double timeProgress, @Nullable LocalDate due,
        @Nullable LocalDate done, @Nullable String reference, boolean demo) {

    public Component component() {
        return kind.component();
    }
}
