package org.gongjian.programme;

import java.time.LocalDate;
import java.util.List;
import org.gongjian.support.TestUsers;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A programme of a test's own, so that what other tests of the shared context report on the demo's targets cannot
 * change what the test checks: the demo's categories and one initiative (number 1, led by 赤水镇, in progress) over
 * the programme's period, created by the office once per context (the context outlives the test class).
 *
 * @param code the programme's code, which names it in the shared context
 * @param year the programme's year (改革攻坚年)
 */
public record OwnProgramme(String code, int year, String title, String initiative, LocalDate start, LocalDate end) {

    /** The unit leading the initiative. */
    public static final String LEAD_UNIT = "chishui";

    /**
     * Creates the programme and its initiative unless the context has them already, then lets {@code fill} add the
     * initiative's targets and figures, still signed in as the office.
     */
    public void createOnce(ProgrammeManagement programmes, UserDetailsService users, Runnable fill) {
        TestUsers.asOffice(users, () -> {
            if (programmes.programmes(Pageable.unpaged()).stream().anyMatch(p -> p.code().equals(code))) {
                return;
            }
            List<ProgrammeData.CategoryData> categories = programmes.programme("kaiping-2024").data().categories();
            programmes.createProgramme(new ProgrammeData(code, year, title, null, null, null, null, start, end,
                    List.of(), categories));
            programmes.createInitiative(code, new InitiativeData(1, initiative, categories.get(0).code(), LEAD_UNIT, false,
                    List.of(), null, start, end, InitiativeStatus.IN_PROGRESS, List.of(), List.of(), List.of()));
            fill.run();
        });
    }
}
