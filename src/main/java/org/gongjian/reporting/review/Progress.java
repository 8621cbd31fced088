package org.gongjian.reporting.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.gongjian.programme.Direction;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.Target;
import org.gongjian.shared.Figures;
import org.gongjian.shared.PartialDate;
import org.gongjian.shared.Qualifier;

/** A target with its latest valid measurement and the share of the way from baseline to target it has gone. */
record Progress(Target target, Optional<Measurement> latest, Optional<BigDecimal> share) {

    boolean reached() {
        return share.map(s -> s.compareTo(BigDecimal.ONE) >= 0).orElse(false);
    }

    /** 示范路建成通车：目标5条（2024年12月31日前），截至2024年12月31日已达5条，完成100%. */
    String describe(Words words) {
        return describe(words, false);
    }

    /** As {@link #describe(Words)}; in an official text an assumed deadline is not marked as assumed (暂按). */
    String describe(Words words, boolean official) {
        Target t = target;
        String goal = Figures.format(t.targetValue(), t.targetValueMax(), t.unit(), t.targetQualifier(), words.locale());
        String text;
        if (t.direction() == Direction.DOWN && t.baselineValue() != null) {
            text = words.get("review.target.down", t.name(),
                    Figures.format(t.baselineValue(), null, t.unit(), Qualifier.EXACT, words.locale()), goal);
        } else {
            text = words.get("review.target.up", t.name(), goal);
        }
        text += words.get(t.deadlineAssumed() && !official ? "review.target.deadline-assumed" : "review.target.deadline",
                words.date(PartialDate.ofDay(t.deadline()), true));
        if (latest.isEmpty()) {
            return text + words.get("review.target.no-data");
        }
        Measurement m = latest.get();
        text += words.get("review.target.reached", words.date(PartialDate.ofDay(m.asOf()), true),
                Figures.format(m.value(), null, t.unit(), Qualifier.EXACT, words.locale()));
        if (share.isPresent()) {
            BigDecimal percent = share.get().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
            text += words.get("review.target.share", Figures.plain(percent));
        }
        return text;
    }
}
