package org.gongjian.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's page forms, as a user meets them: the office registers a bank by its credit code and pairs a consortium
 * (one per town at a time, said in words), a town clerk declares a need and sees its five-criteria screening at once
 * and records an outreach event for their own town only, a bank drafts and submits its monthly report and the office
 * returns it with a reason, then reviews and publishes it. Field messages in Chinese, version checks, data scope.
 * Each test runs in a transaction that is rolled back, on a small world of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
class FinanceFormsTests {

    @Autowired MockMvc mvc;
    @Autowired Pairings pairings;
    @Autowired Subjects subjects;
    @Autowired Needs needs;
    @Autowired ConsortiumReports reports;
    @Autowired FinanceAccess access;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private FinanceFixture.World world;
    private String tag;
    private static int counter;

    @BeforeEach
    void world() {
        tag = String.format("%08d", 70000000 + ++counter);
        world = new FinanceFixture(pairings, subjects, accounts, organisation, users, access).world(tag);
        SecurityContextHolder.clearContext();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private RequestPostProcessor office() {
        return as("admin");
    }

    @Test
    void the_office_registers_a_bank_by_its_credit_code_and_edits_it_under_a_version_check() throws Exception {
        String uscc = FinanceFixture.uscc("F" + tag);
        mvc.perform(post("/finance/institutions").with(office()).with(csrf()).param("uscc", uscc).param("name", "")
                        .param("townCode", "sanbu"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请按各栏提示修改")))
                .andExpect(content().string(containsString("必填")));
        mvc.perform(post("/finance/institutions").with(office()).with(csrf()).param("uscc", uscc)
                        .param("name", "开平测试村镇银行" + tag).param("townCode", "sanbu").param("kind", "BANK")
                        .param("parentId", String.valueOf(world.bankA().id())))
                .andExpect(redirectedUrl("/finance/institutions"))
                .andExpect(flash().attribute("saved", "金融机构“开平测试村镇银行" + tag + "”已保存"));
        Pairings.Institution added = pairings.institutions().stream().filter(i -> i.uscc().equals(uscc)).findFirst()
                .orElseThrow();
        assertThat(added.parentId()).isEqualTo(world.bankA().id());
        // the same credit code again: the register finds the enterprise, the ledger refuses a second institution
        mvc.perform(post("/finance/institutions").with(office()).with(csrf()).param("uscc", uscc).param("kind", "BANK"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("统一社会信用代码 " + uscc + " 的机构已登记")));

        // a branch's head office cannot become the branch's branch
        Pairings.Institution head = pairings.institution(world.bankA().id());
        mvc.perform(post("/finance/institutions/" + head.id()).with(office()).with(csrf()).param("kind", "BANK")
                        .param("parentId", String.valueOf(added.id())).param("version", String.valueOf(head.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("上级机构不能是本机构或其下级机构")));
        assertThat(pairings.institution(head.id()).parentId()).isNull();
        mvc.perform(post("/finance/institutions/" + added.id()).with(office()).with(csrf())
                        .param("kind", "RURAL_COMMERCIAL_BANK").param("version", String.valueOf(added.version())))
                .andExpect(redirectedUrl("/finance/institutions"));
        assertThat(pairings.institution(added.id()).kind()).isEqualTo(Pairings.InstitutionKind.RURAL_COMMERCIAL_BANK);
        assertThat(pairings.institution(added.id()).parentId()).isNull();
        mvc.perform(post("/finance/institutions/" + added.id()).with(office()).with(csrf())
                        .param("kind", "POLICY_BANK").param("version", String.valueOf(added.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("数据已被他人修改")));
        assertThat(pairings.institution(added.id()).kind()).isEqualTo(Pairings.InstitutionKind.RURAL_COMMERCIAL_BANK);

        mvc.perform(get("/finance/institutions").with(as("t-chikan-" + tag))).andExpect(status().isOk())
                .andExpect(content().string(containsString("开平测试村镇银行" + tag)))
                .andExpect(content().string(not(containsString("/finance/institutions/" + added.id() + "/edit"))));
        mvc.perform(get("/finance/institutions/new").with(as("t-chikan-" + tag))).andExpect(status().isForbidden());
        mvc.perform(post("/finance/institutions/" + added.id()).with(as("t-chikan-" + tag)).with(csrf())
                .param("kind", "BANK").param("version", "1")).andExpect(status().isForbidden());
    }

    @Test
    void a_consortium_is_paired_with_liaisons_and_a_town_already_paired_is_refused_in_words() throws Exception {
        // 赤坎镇 is paired from 2024-06-06 in this world: a second consortium overlapping it is refused, naming the holder
        mvc.perform(post("/finance/consortia").with(office()).with(csrf()).param("name", "测试新银团" + tag)
                        .param("townCode", "chikan").param("leadInstitutionId", String.valueOf(world.bankB().id()))
                        .param("agreementDate", "2025-01-01").param("validFrom", "2025-01-01")
                        .param("liaisons[0].side", "BANK").param("liaisons[0].name", "李经理")
                        .param("liaisons[0].phone", "0750-2210000")
                        .param("liaisons[1].side", "TOWN").param("liaisons[1].name", "")
                        .param("liaisons[1].phone", "12ab"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("赤坎镇在 2024-06-06 至 — 已与“测试赤坎银团" + tag + "”结对")))
                .andExpect(content().string(containsString("请填写联络人姓名")))
                .andExpect(content().string(containsString("电话“12ab”格式不正确")));
        assertThat(pairings.consortia()).noneMatch(c -> c.name().equals("测试新银团" + tag));

        // before that pairing began, the town was free: 2023 with two liaisons and a member
        mvc.perform(post("/finance/consortia").with(office()).with(csrf()).param("name", "测试新银团" + tag)
                        .param("townCode", "chikan").param("leadInstitutionId", String.valueOf(world.bankB().id()))
                        .param("memberIds", String.valueOf(world.bankA().id()))
                        .param("agreementDate", "2023-01-01").param("validFrom", "2023-01-01").param("validTo", "2023-12-31")
                        .param("liaisons[0].side", "BANK").param("liaisons[0].name", "李经理")
                        .param("liaisons[0].phone", "0750-2210000")
                        .param("liaisons[1].side", "TOWN").param("liaisons[1].name", "赤坎镇金融专干")
                        .param("liaisons[1].phone", "13800000000")
                        .param("liaisons[2].side", "BANK").param("liaisons[2].name", "").param("liaisons[2].phone", ""))
                .andExpect(redirectedUrl("/finance/consortia"));
        Pairings.Consortium added = pairings.consortia().stream().filter(c -> c.name().equals("测试新银团" + tag))
                .findFirst().orElseThrow();
        assertThat(added.memberIds()).containsExactlyInAnyOrder(world.bankB().id(), world.bankA().id());
        assertThat(added.liaisons()).extracting(Pairings.Liaison::phone).containsExactly("0750-2210000", "13800000000");

        // stretched into 2024-06 it would overlap: refused, nothing changed; a stale version is refused too
        mvc.perform(post("/finance/consortia/" + added.id()).with(office()).with(csrf()).param("name", added.name())
                        .param("townCode", "chikan").param("leadInstitutionId", String.valueOf(world.bankB().id()))
                        .param("agreementDate", "2023-01-01").param("validFrom", "2023-01-01").param("validTo", "2024-06-30")
                        .param("version", String.valueOf(added.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("一个镇街同一时间只与一个银团结对")));
        mvc.perform(post("/finance/consortia/" + added.id()).with(office()).with(csrf()).param("name", added.name())
                        .param("townCode", "chikan").param("leadInstitutionId", String.valueOf(world.bankA().id()))
                        .param("agreementDate", "2023-01-01").param("validFrom", "2023-01-01").param("validTo", "2024-06-05")
                        .param("version", String.valueOf(added.version())))
                .andExpect(redirectedUrl("/finance/consortia"));
        Pairings.Consortium changed = pairings.consortium(added.id());
        assertThat(changed.leadInstitutionId()).isEqualTo(world.bankA().id());
        assertThat(changed.validTo()).isEqualTo(LocalDate.of(2024, 6, 5));
        assertThat(changed.liaisons()).isEmpty();
        mvc.perform(post("/finance/consortia/" + added.id()).with(office()).with(csrf()).param("name", added.name())
                        .param("townCode", "chikan").param("leadInstitutionId", String.valueOf(world.bankA().id()))
                        .param("agreementDate", "2023-01-01").param("validFrom", "2023-01-01").param("validTo", "2023-12-31")
                        .param("version", String.valueOf(added.version())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("数据已被他人修改")));
        assertThat(pairings.consortium(added.id()).validTo()).isEqualTo(LocalDate.of(2024, 6, 5));

        mvc.perform(get("/finance/consortia").with(as("t-chikan-" + tag))).andExpect(status().isOk())
                .andExpect(content().string(containsString("测试新银团" + tag)))
                .andExpect(content().string(containsString(world.bankB().name() + " </span>")))
                .andExpect(content().string(not(containsString("/finance/consortia/" + added.id() + "/edit"))));
        mvc.perform(get("/finance/consortia/" + added.id() + "/edit").with(office())).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2024-06-05\"")));
        mvc.perform(get("/finance/consortia/new").with(as("t-bank-a-" + tag))).andExpect(status().isForbidden());
    }

    @Test
    void a_town_clerk_declares_a_need_and_sees_its_five_criteria_screening_at_once() throws Exception {
        String clerk = "t-chikan-" + tag;
        mvc.perform(get("/finance/needs/new").with(as(clerk))).andExpect(status().isOk())
                .andExpect(content().string(containsString(world.chikanFirm().name())))
                .andExpect(content().string(not(containsString(world.baiheFirm().name()))));
        mvc.perform(post("/finance/needs").with(as(clerk)).with(csrf()).param("subjectId", String.valueOf(world.chikanFirm().id()))
                        .param("amountWan", "").param("purpose", "").param("termMonths", "0").param("source", "VISIT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("金额须大于0")))
                .andExpect(content().string(containsString("期限须为1至360个月")));

        String location = mvc.perform(post("/finance/needs").with(as(clerk)).with(csrf())
                        .param("subjectId", String.valueOf(world.chikanFirm().id())).param("amountWan", "300")
                        .param("purpose", "冷库扩建").param("termMonths", "24").param("collateral", "MORTGAGE")
                        .param("source", "VISIT").param("declaredOn", LocalDate.now().toString())
                        .param("operating", "true").param("premises", "true").param("realNeed", "true").param("lawfulUse", "true"))
                .andExpect(redirectedUrlPattern("/finance/needs/*"))
                .andExpect(flash().attribute("saved", "需求已申报，但不符合：信用状况良好。暂不列入推荐清单，情况变化后可重新筛查"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Needs.Need need = needs.need(id);
        assertThat(need.status()).isEqualTo(NeedStatus.NOT_ELIGIBLE);
        assertThat(need.amount()).isEqualByComparingTo(new BigDecimal("3000000"));
        mvc.perform(get(location).with(as(clerk))).andExpect(status().isOk())
                .andExpect(content().string(containsString("不符合")))
                .andExpect(content().string(containsString("信用状况良好")));

        String all = mvc.perform(post("/finance/needs").with(as(clerk)).with(csrf())
                        .param("subjectId", String.valueOf(world.chikanFirm().id())).param("amountWan", "50")
                        .param("purpose", "流动资金").param("termMonths", "12").param("collateral", "CREDIT")
                        .param("source", "EVENT").param("operating", "true").param("premises", "true")
                        .param("realNeed", "true").param("credit", "true").param("lawfulUse", "true"))
                .andExpect(flash().attribute("saved", "需求已申报：五项条件全部符合，已列入推荐清单，可推送结对银团"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(needs.need(Long.parseLong(all.substring(all.lastIndexOf('/') + 1))).status()).isEqualTo(NeedStatus.RECOMMENDED);

        // another town's subject, forged into the form: refused, nothing written
        long before = jdbc.sql("select count(*) from finance_need").query(Long.class).single();
        mvc.perform(post("/finance/needs").with(as(clerk)).with(csrf())
                        .param("subjectId", String.valueOf(world.baiheFirm().id())).param("amountWan", "50")
                        .param("purpose", "流动资金").param("termMonths", "12").param("collateral", "CREDIT")
                        .param("source", "VISIT"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from finance_need").query(Long.class).single()).isEqualTo(before);
        mvc.perform(get("/finance/needs/new").with(as("t-bank-a-" + tag))).andExpect(status().isForbidden());
    }

    @Test
    void a_town_clerk_records_an_outreach_event_for_their_own_town_only() throws Exception {
        String clerk = "t-chikan-" + tag;
        mvc.perform(get("/finance/events/new").with(as(clerk))).andExpect(status().isOk())
                .andExpect(content().string(containsString("测试赤坎银团" + tag)));
        mvc.perform(post("/finance/events").with(as(clerk)).with(csrf()).param("kind", "MARKET_DAY")
                        .param("title", "金融来趁圩" + tag).param("heldOn", LocalDate.now().plusDays(3).toString())
                        .param("attendees", "-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期不能晚于今天")))
                .andExpect(content().string(containsString("须为不小于0的整数")))
                .andExpect(content().string(containsString("请至少选择一个参加的银团")));
        // the clerk's own town is recorded, whatever town the request names
        mvc.perform(post("/finance/events").with(as(clerk)).with(csrf()).param("kind", "MARKET_DAY")
                        .param("title", "金融来趁圩" + tag).param("heldOn", LocalDate.now().toString()).param("townCode", "baihe")
                        .param("consortiumIds", String.valueOf(world.chikan().id())).param("attendees", "180")
                        .param("needsCollected", "12").param("signings", "3").param("signedWan", "450"))
                .andExpect(redirectedUrl("/finance/events"))
                .andExpect(flash().attribute("saved", "活动“金融来趁圩" + tag + "”已登记"));
        assertThat(jdbc.sql("select town_code from finance_event where title = :t").param("t", "金融来趁圩" + tag)
                .query(String.class).single()).isEqualTo("chikan");
        assertThat(jdbc.sql("select signed_amount from finance_event where title = :t").param("t", "金融来趁圩" + tag)
                .query(BigDecimal.class).single()).isEqualByComparingTo("4500000");
        mvc.perform(get("/finance/events").param("town", "chikan").with(as(clerk))).andExpect(status().isOk())
                .andExpect(content().string(containsString("金融来趁圩" + tag)))
                .andExpect(content().string(containsString("<span class=\"d-block small\">" + world.chikan().name() + "</span>")));
    }

    @Test
    void a_bank_drafts_and_submits_its_report_and_the_office_returns_it_with_a_reason_then_publishes_it() throws Exception {
        String bank = "t-bank-a-" + tag;
        String month = YearMonth.now().minusMonths(1).toString();
        mvc.perform(get("/finance/reports/new").with(as(bank))).andExpect(status().isOk())
                .andExpect(content().string(containsString(world.chikan().name())));
        mvc.perform(post("/finance/reports").with(as(bank)).with(csrf()).param("month", "2099-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("月份格式须为 yyyy-MM，且不晚于本月")));
        String location = mvc.perform(post("/finance/reports").with(as(bank)).with(csrf()).param("month", month)
                        .param("consortiumId", String.valueOf(world.baihe().id())).param("balanceWan", "1200")
                        .param("note", "本月走访5户"))
                .andExpect(redirectedUrlPattern("/finance/reports/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ConsortiumReports.Report draft = reports.report(id);
        assertThat(draft.consortiumId()).as("a bank drafts for its own consortium, whatever the form says")
                .isEqualTo(world.chikan().id());
        assertThat(draft.outstandingBalance()).isEqualByComparingTo("12000000");

        mvc.perform(post(location + "/submission").with(as(bank)).with(csrf()).param("version", String.valueOf(draft.version())))
                .andExpect(redirectedUrl(location));
        int submitted = reports.report(id).version();
        mvc.perform(post(location + "/return").with(office()).with(csrf()).param("version", String.valueOf(submitted))
                        .param("reason", ""))
                .andExpect(flash().attribute("errors", java.util.List.of("请填写原因（不超过500字）")));
        mvc.perform(post(location + "/return").with(office()).with(csrf()).param("version", String.valueOf(submitted))
                        .param("reason", "贷款余额与人行口径不一致"))
                .andExpect(redirectedUrl(location));
        assertThat(reports.report(id).status()).isEqualTo(ConsortiumReports.ReportStatus.DRAFT);
        mvc.perform(get(location).with(as(bank))).andExpect(status().isOk())
                .andExpect(content().string(containsString("退回：贷款余额与人行口径不一致")));

        int returned = reports.report(id).version();
        mvc.perform(post(location).with(as(bank)).with(csrf()).param("balanceWan", "1180").param("note", "已按人行口径更正")
                        .param("version", String.valueOf(returned)))
                .andExpect(redirectedUrl(location));
        assertThat(reports.report(id).outstandingBalance()).isEqualByComparingTo("11800000");
        mvc.perform(post(location + "/submission").with(as(bank)).with(csrf()).param("version", String.valueOf(returned)))
                .andExpect(flash().attribute("errors", java.util.List.of("数据已被他人修改，请刷新后重试。")));
        mvc.perform(post(location + "/submission").with(as(bank)).with(csrf())
                .param("version", String.valueOf(reports.report(id).version()))).andExpect(redirectedUrl(location));
        mvc.perform(post(location + "/review").with(office()).with(csrf())
                .param("version", String.valueOf(reports.report(id).version()))).andExpect(redirectedUrl(location));
        mvc.perform(post(location + "/publication").with(office()).with(csrf())
                .param("version", String.valueOf(reports.report(id).version()))).andExpect(redirectedUrl(location));
        ConsortiumReports.Report published = reports.report(id);
        assertThat(published.status()).isEqualTo(ConsortiumReports.ReportStatus.PUBLISHED);
        assertThat(published.returnedReason()).isNull();

        // another consortium's bank user cannot open it, nor act on it; a bank user cannot review
        mvc.perform(get(location).with(as("t-bank-b-" + tag))).andExpect(status().isNotFound());
        mvc.perform(post(location + "/review").with(as(bank)).with(csrf()).param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/finance/reports").with(as(bank))).andExpect(status().isOk())
                .andExpect(content().string(containsString(month)));
    }
}
