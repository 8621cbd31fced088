package org.gongjian.assessment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "gongjian.demo.progress.enabled=true")
@ActiveProfiles("test")
class ExploreTests {

    @Autowired Rankings rankings;

    @Test
    void print() {
        for (int m = 1; m <= 12; m++) {
            Period p = Period.parse(String.format("2024-%02d", m));
            for (PeerGroup g : PeerGroup.values()) {
                LeagueTable t = rankings.league("kaiping-2024", p, g);
                StringBuilder sb = new StringBuilder(p + " " + g + ": ");
                t.rows().forEach(r -> sb.append(r.rank()).append(' ').append(r.unit().name()).append(' ')
                        .append(r.total().setScale(1, java.math.RoundingMode.HALF_UP)).append(r.movement() == null ? "" : "(" + r.movement() + ")").append("; "));
                sb.append(" unranked ").append(t.unranked().size());
                System.out.println(sb);
            }
        }
        Scorecard card = rankings.scorecard("kaiping-2024", "chikan", Period.parse("2024-06"));
        card.score().components().forEach(c -> {
            System.out.println(c.component() + " " + c.points() + " applicable=" + c.applicable());
            c.items().forEach(i -> System.out.println("   " + i.fact().key() + " " + i.fact().outcome() + " " + i.points() + " lost " + i.lost() + " " + i.fact().label()));
        });
    }
}
