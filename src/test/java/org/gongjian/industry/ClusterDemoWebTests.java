package org.gongjian.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With the demo loaded, the 水暖卫浴 cluster has the article's size (counted on demo rows, since other tests add
 * firms), item 7's figures read at least the article's, and the register's pages stay usable with
 * 3,000 firms more: paged 25 at a time, filtered by town, scale and name.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ClusterDemoWebTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired IndustryFigures industry;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts, organisation, "cluster-viewer", null, Role.VIEWER);
    }

    String page(String query) throws Exception {
        return mvc.perform(get("/enterprises?" + query).with(user(users.loadUserByUsername("cluster-viewer"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static int rows(String html) {
        return html.split("href=\"/enterprises/9").length - 1;
    }

    @Test
    void the_demo_cluster_has_the_articles_firms_workers_output_and_exports() {
        // the demo's own firms (the IP centre's demo adds a few firms of the cluster too)
        assertThat(jdbc.sql("""
                select count(*) from enterprise e join enterprise_cluster c on c.enterprise_id = e.id
                 where e.demo = true and c.cluster = 'sanitary-ware'""").query(Long.class).single())
                .isGreaterThanOrEqualTo(DemoCluster.FIRMS);
        assertThat(jdbc.sql("""
                select sum(f.output_yuan) from enterprise_figure f join enterprise_cluster c on c.enterprise_id = f.enterprise_id
                 where f.demo = true and c.cluster = 'sanitary-ware' and f.period_year = 2023 and f.period_month = 0""")
                .query(BigDecimal.class).single()).isGreaterThanOrEqualTo(DemoCluster.OUTPUT_2023);
        ClusterTotals t = industry.clusterTotals("sanitary-ware", 2023);
        assertThat(t.firms()).isGreaterThanOrEqualTo(3000);
        assertThat(t.workers()).isGreaterThan(60000);
        assertThat(t.outputYuan()).isGreaterThanOrEqualTo(new BigDecimal("21780000000"));
        assertThat(t.exportsUsd()).isGreaterThan(new BigDecimal("1800000000"));
    }

    @Test
    void the_register_pages_through_the_cluster_and_filters_it() throws Exception {
        String first = page("cluster=sanitary-ware");
        assertThat(rows(first)).as("25 firms a page").isEqualTo(25);
        assertThat(first).contains("第1页，共").contains("演示").contains("下一页");
        assertThat(rows(page("cluster=sanitary-ware&page=100"))).as("a page far into the list").isEqualTo(25);

        String name = jdbc.sql("""
                select e.name from enterprise e join enterprise_cluster c on c.enterprise_id = e.id
                 where e.demo = true and c.cluster = 'sanitary-ware' and e.above_scale = true and e.town_code = 'cangcheng'
                 order by e.name""").query(String.class).list().get(0);
        String found = page("q=" + name + "&town=cangcheng&aboveScale=true");
        assertThat(found).contains(">" + name + "</a>").contains("共 1 家");
        assertThat(rows(found)).isEqualTo(1);
        String elsewhere = page("q=" + name + "&town=shuikou");
        assertThat(rows(elsewhere)).isZero();
        assertThat(elsewhere).contains("共 0 家");
    }
}
