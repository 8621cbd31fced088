package org.gongjian.programme.web;

import java.util.Comparator;
import java.util.List;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The programme switcher of the top bar ({@code ${@programmeNav.view(programme)}}): every programme,
 * newest year first, and the current one: the page's own, else the newest.
 */
@Component("programmeNav")
public class ProgrammeNav {

    private final ProgrammeManagement programmes;

    ProgrammeNav(ProgrammeManagement programmes) {
        this.programmes = programmes;
    }

    /** One programme in the switcher. */
    public record Choice(String code, int year, String theme) {
        public String label() {
            return year + " " + theme;
        }
    }

    public record View(@Nullable Choice current, List<Choice> all) {
    }

    public View view(@Nullable Object pageProgramme) {
        List<Choice> all = programmes.programmes(Pageable.unpaged()).stream()
                .sorted(Comparator.comparingInt(Programme::year).reversed().thenComparing(Programme::code))
                .map(ProgrammeNav::choice).toList();
        Choice current = pageProgramme instanceof Programme p ? choice(p) : all.isEmpty() ? null : all.get(0);
        return new View(current, all);
    }

    /** The programme a page opens when none is named: the newest. */
    public @Nullable Programme newest() {
        return programmes.programmes(Pageable.unpaged()).stream()
                .max(Comparator.comparingInt(Programme::year).thenComparing(Programme::code, Comparator.reverseOrder()))
                .orElse(null);
    }

    private static Choice choice(Programme p) {
        return new Choice(p.code(), p.year(), p.theme() != null ? p.theme() : p.title());
    }
}
