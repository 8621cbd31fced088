package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * People outside the government (volunteers, captains, road chiefs and road staff, the IP centre's staff) see in
 * the header and the side navigation only what they may open: every link there, followed as that person, opens
 * (no 403, no 404), and the programme's pages are not offered to those who cannot read the programme.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
class OutsideRolesNavigationTests {

    /** Each outside role and the page it lands on after logging in. */
    static final Map<Role, String> LANDING = Map.of(Role.VOLUNTEER, "/volunteers/me", Role.CAPTAIN, "/volunteers/captain",
            Role.ROAD_CHIEF, "/roads/my", Role.ROAD_STAFF, "/roads/my", Role.IPCENTRE_STAFF, "/ipcentre/cases");

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;

    @Test
    void every_link_an_outside_role_is_shown_in_the_header_and_navigation_opens_for_it() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var landing : LANDING.entrySet()) {
            Role role = landing.getKey();
            String username = "nav-" + role.name().toLowerCase().replace('_', '-');
            accounts.create(username, "导航" + role.name(), "nav-secret-123", organisation.unit("changsha").id(), Set.of(role));
            MvcResult page = mvc.perform(get(landing.getValue()).with(user(users.loadUserByUsername(username)))).andReturn();
            assertThat(page.getResponse().getStatus()).as(role + " " + landing.getValue()).isEqualTo(200);
            Set<String> links = navigationLinks(page.getResponse().getContentAsString());
            assertThat(links).as(role + "'s navigation").isNotEmpty();
            if (!role.permissions().contains("programme:programme:read")) {
                assertThat(links).as(role + " cannot read the programme").noneMatch(l -> l.startsWith("/programmes")
                        || l.equals("/") || l.startsWith("/supervision") || l.startsWith("/assessment"));
            }
            for (String link : links) {
                MvcResult r = mvc.perform(get(link).with(user(users.loadUserByUsername(username)))).andReturn();
                int status = r.getResponse().getStatus();
                String to = r.getResponse().getRedirectedUrl();
                if (status >= 400 || (to != null && to.contains("/login"))) {
                    wrong.add(role + " is shown " + link + " but gets " + status + (to == null ? "" : " → " + to));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The links of the header and the side navigation: everything before the page's own content. */
    static Set<String> navigationLinks(String html) {
        String chrome = html.substring(html.indexOf("<body"), html.indexOf("id=\"main\""));
        Set<String> links = new LinkedHashSet<>();
        Matcher m = HREF.matcher(chrome);
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            if (!link.startsWith("/css/") && !link.startsWith("/js/") && !link.startsWith("/webjars/")
                    && !link.startsWith("/img/")) {
                links.add(link);
            }
        }
        return links;
    }
}
