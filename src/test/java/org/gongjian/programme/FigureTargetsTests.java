package org.gongjian.programme;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.shared.UnitOfMeasure;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A figure is judged against its target and initiative as they are now, although the write path keeps them in memory
 * between figures (ADR 0037, amendment 1): a change the office saves holds for the very next figure. The changes are
 * committed (no rollback), on a programme of this test's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.test.annotation.DirtiesContext   // its committed programme would be one more (and the start page's) for the tests after it
class FigureTargetsTests {

    static final OwnProgramme PROGRAMME = new OwnProgramme("figure-targets-2024", 2024, "写入路径测试", "测试举措",
            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
    static final String CLERK = "ft-chishui-clerk";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired UserDetailsService users;

    @BeforeEach
    void programme() {
        TestUsers.ensure(accounts, organisation, CLERK, OwnProgramme.LEAD_UNIT, Role.UNIT_STAFF);
        PROGRAMME.createOnce(programmes, users, () -> { });
    }

    @Test
    void a_change_to_the_target_or_its_initiative_holds_for_the_next_figure() throws Exception {
        String code = "ft." + System.nanoTime();
        TestUsers.asOffice(users, () -> targets.create(PROGRAMME.code(), 1, target(code, LocalDate.of(2024, 1, 1))));

        report(code, "2024-03-31").andExpect(status().isCreated());
        report(code, "2024-04-30").andExpect(status().isCreated());

        // the office moves the baseline: a figure before it is refused at once
        TestUsers.asOffice(users, () -> targets.update(PROGRAMME.code(), code, target(code, LocalDate.of(2024, 6, 30)),
                targets.target(programmes.programme(PROGRAMME.code()), code).version()));
        report(code, "2024-05-31").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        report(code, "2024-07-31").andExpect(status().isCreated());

        // the office gives the initiative to another unit: 赤水镇's clerk may no longer report its figures
        TestUsers.asOffice(users, () -> {
            Initiative initiative = programmes.initiative(programmes.programme(PROGRAMME.code()), 1);
            InitiativeData data = programmes.data(initiative);
            programmes.updateInitiative(PROGRAMME.code(), 1, withLead(data, "dasha"), initiative.version());
        });
        try {
            report(code, "2024-08-31").andExpect(status().isForbidden());
        } finally {
            TestUsers.asOffice(users, () -> {
                Initiative initiative = programmes.initiative(programmes.programme(PROGRAMME.code()), 1);
                programmes.updateInitiative(PROGRAMME.code(), 1,
                        withLead(programmes.data(initiative), OwnProgramme.LEAD_UNIT), initiative.version());
            });
        }
        report(code, "2024-08-31").andExpect(status().isCreated());
    }

    private ResultActions report(String code, String asOf) throws Exception {
        return mvc.perform(post("/api/v1/programmes/" + PROGRAMME.code() + "/targets/" + code + "/measurements")
                .contentType(MediaType.APPLICATION_JSON).content("{\"value\":5,\"asOf\":\"" + asOf + "\"}")
                .with(httpBasic(CLERK, TestUsers.PASSWORD)));
    }

    private static TargetData target(String code, LocalDate baseline) {
        return new TargetData(code, "写入测试指标", UnitOfMeasure.ITEMS, Direction.UP, BigDecimal.ZERO, baseline,
                BigDecimal.TEN, null, org.gongjian.shared.Qualifier.AT_LEAST, LocalDate.of(2024, 12, 31), false, null, null, null,
                List.of());
    }

    private static InitiativeData withLead(InitiativeData d, String lead) {
        return new InitiativeData(d.number(), d.title(), d.category(), lead, d.leadUnitAssumed(), d.coUnits(),
                d.summary(), d.startDate(), d.endDate(), d.status(), d.tags(), d.figures(), d.photos());
    }
}
