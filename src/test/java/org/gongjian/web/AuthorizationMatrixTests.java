package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Role;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint (pages and API) × every role. The rule of each handler is read from its
 * {@code @PreAuthorize}: {@code hasAuthority('module:resource:action')} is allowed to exactly the
 * roles whose {@link Role#permissions()} hold it; {@code permitAll()} to everyone. Each pair is then
 * called for real: allowed calls must not be refused (and the pages they GET must render), refused
 * ones must get 403, and anonymous callers must be sent to log in. An endpoint added later is covered
 * without change here; one without a rule fails the suite.
 */
// The matrix's unit staff work for 赤水镇. Counting 赤水镇 among the forestry units lets their allowed calls
// reach the GEP handlers' work; the forestry data scope itself is tested in ecology's own tests.
// Likewise 赤水镇 counts as a road office, the finance office, a key-projects office and an industry office here,
// so that unit staff reach those handlers' work (the industry ledger's data scope is tested in IndustryContract and
// IndustryWebTests).
@SpringBootTest(properties = {"gongjian.ecology.forestry-units=natural-resources,chishui",
        "gongjian.roads.office-units=transport,chishui", "gongjian.finance.office-units=finance-office,chishui",
        "gongjian.projects.office-units=development-reform,chishui", "gongjian.industry.office-units=industry-it,chishui"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
class AuthorizationMatrixTests {

    /** Endpoints of libraries, not ours, and why they are open (the filter chain permits their paths). */
    static final Map<String, String> FRAMEWORK = Map.of(
            "org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController", "error pages",
            "org.springdoc.webmvc.api.OpenApiWebMvcResource", "the OpenAPI document",
            "org.springdoc.webmvc.ui.SwaggerConfigResource", "Swagger UI's configuration",
            "org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc", "Swagger UI's start page");

    /**
     * Handlers that edit an initiative itself: its lead unit's staff (and the office) only, never a co-responsible
     * unit's. The matrix's unit staff work for a co-unit of the sample initiative, so these refuse them (403), or
     * refuse the matrix's empty body first (400); {@link #who_may_edit_what_of_an_initiative} tests them fully.
     */
    static final Set<String> LEAD_UNIT_ONLY = Set.of("ProgrammeAdminController.editInitiative",
            "ProgrammeAdminController.updateInitiative", "ProgrammeApiController.updateInitiative");

    private static final Pattern HAS_AUTHORITY = Pattern.compile("hasAuthority\\('([a-z-]+:[a-z-]+:[a-z-]+)'\\)");
    private static final String PLACEHOLDER = "999999";

    enum Caller { ANONYMOUS, ADMIN, LEADER, UNIT_STAFF, VIEWER, ROAD_CHIEF, ROAD_STAFF, VOLUNTEER, CAPTAIN, BANK_STAFF,
        IPCENTRE_STAFF }

    record Rule(boolean open, @Nullable String permission) {
        boolean allows(Caller caller) {
            return open || (caller != Caller.ANONYMOUS && Role.valueOf(caller.name()).permissions().contains(permission));
        }
    }

    /** Sample values of required query parameters, so that an allowed GET can render. */
    static final Map<String, String> QUERY_SAMPLES = Map.of("format", "html", "month", "2024-12");

    record Endpoint(HttpMethod method, String pattern, HandlerMethod handler, Rule rule, boolean multipart,
            boolean jsonBody) {

        /** Required query parameters, by name. */
        List<String> requiredParams() {
            return java.util.Arrays.stream(handler.getMethodParameters())
                    .map(p -> p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class))
                    .filter(a -> a != null && a.required()
                            && org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE.equals(a.defaultValue()))
                    .map(a -> a.name().isEmpty() ? a.value() : a.name())
                    .toList();
        }

        @Override
        public String toString() {
            return method + " " + pattern + " (" + handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName() + ")";
        }
    }

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired ProgrammeManagement programmes;
    @Autowired ProgrammeRecords records;

    private final Map<Caller, String> usernames = Map.of(Caller.ADMIN, "admin", Caller.LEADER, "matrix-leader",
            Caller.UNIT_STAFF, "matrix-staff", Caller.VIEWER, "matrix-viewer", Caller.ROAD_CHIEF, "matrix-road-chief",
            Caller.ROAD_STAFF, "matrix-road-staff", Caller.VOLUNTEER, "matrix-volunteer", Caller.CAPTAIN, "matrix-captain",
            Caller.BANK_STAFF, "matrix-bank",
            Caller.IPCENTRE_STAFF, "matrix-ipcentre");

    @BeforeEach
    void oneUserPerRole() {
        // the unit staff work for 赤水镇, a co-unit of initiative 8, whose target and milestones the samples name
        accounts.create("matrix-leader", "市领导", "matrix-secret-1", null, Set.of(Role.LEADER));
        accounts.create("matrix-staff", "赤水镇填报员", "matrix-secret-1", organisation.unit("chishui").id(), Set.of(Role.UNIT_STAFF));
        accounts.create("matrix-viewer", "查阅人员", "matrix-secret-1", null, Set.of(Role.VIEWER));
        accounts.create("matrix-road-chief", "村级路长", "matrix-secret-1", null, Set.of(Role.ROAD_CHIEF));
        accounts.create("matrix-road-staff", "养路员", "matrix-secret-1", null, Set.of(Role.ROAD_STAFF));
        // outside users: a volunteer and a captain of 长沙街道 (their data scope is tested in the volunteers module)
        accounts.create("matrix-volunteer", "志愿者", "matrix-secret-1", organisation.unit("changsha").id(), Set.of(Role.VOLUNTEER));
        accounts.create("matrix-captain", "志愿队长", "matrix-secret-1", organisation.unit("changsha").id(), Set.of(Role.CAPTAIN));
        // bank staff of no consortium yet: they reach the finance handlers but see nothing (scope tested in finance)
        accounts.create("matrix-bank", "银行客户经理", "matrix-secret-1", null, Set.of(Role.BANK_STAFF));
        accounts.create("matrix-ipcentre", "维权中心工作人员", "matrix-secret-1", null, Set.of(Role.IPCENTRE_STAFF));
    }

    @Test
    void every_endpoint_declares_who_may_call_it() {
        List<String> problems = new ArrayList<>();
        endpoints(problems);
        assertThat(problems).as("handlers without a permission rule (add @PreAuthorize(\"hasAuthority('…')\"), "
                + "or permitAll() for a public page)").isEmpty();
    }

    @Test
    void every_permission_named_by_an_endpoint_is_granted_to_some_role() {
        Set<String> granted = new TreeSet<>();
        for (Role role : Role.values()) {
            granted.addAll(role.permissions());
        }
        for (Endpoint e : endpoints(new ArrayList<>())) {
            if (!e.rule().open()) {
                assertThat(granted).as(e + " names a permission no role has").contains(e.rule().permission());
            }
        }
    }

    /**
     * The IP centre is an outside body: its staff read the programme and keep their own ledger, but neither the
     * government's reports and exports (the volunteers' hours ledger among them) nor other offices' ledgers.
     */
    @Test
    void the_ip_centres_staff_read_the_programme_and_their_ledger_but_not_reports_or_other_ledgers() throws Exception {
        assertThat(Role.IPCENTRE_STAFF.permissions())
                .contains(Permissions.PROGRAMME_READ, Permissions.IPCENTRE_READ, Permissions.IPCENTRE_WRITE,
                        Permissions.ENTERPRISE_READ)
                .doesNotContain(Permissions.REPORT_READ, Permissions.VOLUNTEERS_READ, Permissions.RANKING_READ,
                        Permissions.ROADS_READ, Permissions.FORMS_READ, Permissions.FINANCE_READ,
                        Permissions.FINANCE_NEED_READ, Permissions.PROJECTS_READ, Permissions.INDUSTRY_READ,
                        Permissions.ECOLOGY_ACCOUNT_READ);
        var centre = user(users.loadUserByUsername("matrix-ipcentre"));
        mvc.perform(MockMvcRequestBuilders.get("/volunteers/hours.xlsx").with(centre))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.get("/reports").with(centre))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.get("/programmes/kaiping-2024").with(centre))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/ipcentre/cases").with(centre))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    @Test
    void every_role_may_call_exactly_what_its_permissions_allow_on_every_endpoint() throws Exception {
        Map<String, String> samples = samples();
        List<String> wrong = new ArrayList<>();
        List<Endpoint> endpoints = endpoints(new ArrayList<>());
        assertThat(endpoints).hasSizeGreaterThan(40);
        for (Endpoint endpoint : endpoints) {
            String uri = expand(endpoint.pattern(), samples);
            for (Caller caller : Caller.values()) {
                MvcResult result;
                try {
                    result = mvc.perform(request(endpoint, uri, caller)).andReturn();
                } catch (Exception e) {
                    wrong.add(caller + " " + endpoint.method() + " " + uri + ": threw " + e);
                    continue;
                }
                int status = result.getResponse().getStatus();
                String verdict = verdict(endpoint, uri, caller, status, result.getResponse().getRedirectedUrl());
                if (verdict != null) {
                    wrong.add(caller + " " + endpoint.method() + " " + uri + ": " + verdict);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private @Nullable String verdict(Endpoint endpoint, String uri, Caller caller, int status, @Nullable String redirect) {
        boolean allowed = endpoint.rule().allows(caller);
        if (caller == Caller.ANONYMOUS && !allowed) {
            boolean api = uri.startsWith("/api/");
            boolean sentToLogin = api ? status == 401 : status == 302 && redirect != null && redirect.contains("/login");
            return sentToLogin ? null : "anonymous should be sent to log in, got " + status;
        }
        if (!allowed) {
            return status == 403 ? null : "should be refused with 403, got " + status;
        }
        if (caller == Caller.UNIT_STAFF && LEAD_UNIT_ONLY.contains(
                endpoint.handler().getBeanType().getSimpleName() + "." + endpoint.handler().getMethod().getName())) {
            return status == 403 || status == 400 ? null : "a co-unit's staff should be refused, got " + status;
        }
        if (status == 401 || status == 403) {
            return "should be allowed, got " + status;
        }
        boolean resolved = !uri.contains(PLACEHOLDER) && !uri.contains("/x")
                && QUERY_SAMPLES.keySet().containsAll(endpoint.requiredParams());
        if (endpoint.method() == HttpMethod.GET && resolved && status >= 400) {
            return "should render, got " + status;
        }
        return null;
    }

    private AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, String uri, Caller caller) {
        AbstractMockHttpServletRequestBuilder<?> request;
        if (endpoint.multipart()) {
            request = MockMvcRequestBuilders.multipart(endpoint.method(), uri);
        } else {
            request = MockMvcRequestBuilders.request(endpoint.method(), uri);
            if (endpoint.jsonBody()) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        for (String param : endpoint.requiredParams()) {
            request.param(param, QUERY_SAMPLES.getOrDefault(param, "x"));
        }
        if (endpoint.method() != HttpMethod.GET) {
            request.with(csrf());
        }
        if (caller != Caller.ANONYMOUS) {
            request.with(user(users.loadUserByUsername(usernames.get(caller))));
        }
        return request;
    }

    /** Sample path values within the unit staff's scope, so that an allowed call reaches its handler's work. */
    private Map<String, String> samples() {
        Programme kaiping = programmes.programme("kaiping-2024");
        var initiative = programmes.initiative(kaiping, 8);
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("/units/{code}", "chishui");
        // a raster version's grid and maps: the demo raster account (the stand account has none)
        samples.put("/accounts/{code}/versions/{number}/raster", "chishui-jinji-2023-raster/versions/1/raster");
        samples.put("/accounts/{code}/versions/{number}/maps/{service}", "chishui-jinji-2023-raster/versions/1/maps/PREVIEW");
        samples.put("/accounts/{code}", "chishui-2023-gep");
        samples.put("/conversion-projects/{code}", "2024-440783-05-03-823001");
        samples.put("/versions/{number}", "1");
        samples.put("/milestones/{id}", String.valueOf(records.milestones(initiative).get(0).id()));
        samples.put("/events/{id}", String.valueOf(records.events(kaiping).get(0).id()));
        samples.put("/honours/{id}", String.valueOf(records.honours(kaiping).get(0).id()));
        samples.put("/plans/{plan}", "food-2035");
        samples.put("/elements/{element}", "lowalt.park.expo");
        samples.put("/sectors/{sector}", "food");
        samples.put("/clusters/{cluster}", "sanitary-ware");
        samples.put("{form}", "edu-five-monthly");
        samples.put("{period}", "2024-12");
        samples.put("{code}", "kaiping-2024");
        samples.put("{number}", "8");
        samples.put("{target}", "gep.towns-accounted");
        samples.put("{username}", "matrix-viewer");
        // the Excel exports' file names, so that a role without the permission meets the handler (403), not a miss (404)
        samples.put("{what:initiatives|measurements|notices}", "measurements");
        samples.put("{what:initiatives|measurements}", "measurements");
        samples.put("/milestones/{kind}", "STARTED");   // a key project's milestone kind
        samples.put("{id}", PLACEHOLDER);
        return samples;
    }

    /** Fills a pattern's variables: first where the path around them names the thing, then by the variable alone. */
    static String expand(String pattern, Map<String, String> samples) {
        String uri = pattern;
        for (var sample : samples.entrySet()) {
            String key = sample.getKey();
            if (key.startsWith("/")) {
                uri = uri.replace(key, key.substring(0, key.indexOf('{')) + sample.getValue());
            } else {
                uri = uri.replace(key, sample.getValue());
            }
        }
        return uri.replaceAll("\\{[^}]+}", "x");
    }

    private List<Endpoint> endpoints(List<String> problems) {
        List<Endpoint> found = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            String type = handler.getBeanType().getName();
            if (org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController.class
                    .isAssignableFrom(handler.getBeanType())) {
                continue;   // the error pages (ours answers problem details, shared.web.ErrorBodies): open, as Boot's
            }
            if (!type.startsWith("org.gongjian.")) {
                if (!FRAMEWORK.containsKey(type)) {
                    problems.add("unknown library endpoint " + info + " of " + type + ": add it to FRAMEWORK with the reason it is open");
                }
                continue;
            }
            Rule rule = rule(handler);
            if (rule == null) {
                problems.add(info + " " + handler);
                continue;
            }
            boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA)
                    || java.util.Arrays.stream(handler.getMethodParameters()).anyMatch(p -> MultipartFile.class
                            .isAssignableFrom(p.nestedIfOptional().getNestedParameterType()));
            boolean json = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    found.add(new Endpoint(HttpMethod.GET, pattern, handler, rule, multipart, json));
                }
                for (var method : methods) {
                    found.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, handler, rule, multipart, json));
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(e -> e.method().name()));
        return found;
    }

    static @Nullable Rule rule(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return null;
        }
        if (rule.value().equals("permitAll()")) {
            return new Rule(true, null);
        }
        Matcher m = HAS_AUTHORITY.matcher(rule.value());
        return m.matches() ? new Rule(false, m.group(1)) : null;
    }

    /**
     * Who may edit what of an initiative (the README's role table): the office everything; its lead unit's staff
     * what they report on it (summary, declared status, tags, figures, photos) but not its number, title,
     * category, units or dates; a co-responsible unit's staff nothing of the initiative itself (they report
     * figures and milestones).
     */
    @Test
    void who_may_edit_what_of_an_initiative() throws Exception {
        accounts.create("matrix-lead", "自然资源局填报员", "matrix-secret-1", organisation.unit("natural-resources").id(),
                Set.of(Role.UNIT_STAFF));
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        String api = "/api/v1/programmes/kaiping-2024/initiatives/8";
        var initiative = programmes.initiative(programmes.programme("kaiping-2024"), 8);
        tools.jackson.databind.node.ObjectNode data = json.valueToTree(programmes.data(initiative));
        java.util.function.BiFunction<String, String, Integer> put = (username, body) -> {
            try {
                int version = programmes.initiative(programmes.programme("kaiping-2024"), 8).version();
                return mvc.perform(MockMvcRequestBuilders.put(api).with(user(users.loadUserByUsername(username)))
                                .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON).content(body))
                        .andReturn().getResponse().getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String renamed = data.deepCopy().put("title", "改过的名称").toString();
        String summarised = data.deepCopy().put("summary", "本月完成两镇核算。").toString();
        assertThat(put.apply("matrix-staff", renamed)).as("a co-unit renames").isEqualTo(403);
        assertThat(put.apply("matrix-staff", summarised)).as("a co-unit edits the summary").isEqualTo(403);
        assertThat(put.apply("matrix-lead", renamed)).as("the lead unit renames").isEqualTo(403);
        assertThat(put.apply("matrix-lead", summarised)).as("the lead unit edits the summary").isEqualTo(200);
        assertThat(put.apply("admin", renamed)).as("the office renames").isEqualTo(200);
        mvc.perform(MockMvcRequestBuilders.get("/admin/programmes/kaiping-2024/initiatives/8/edit")
                        .with(user(users.loadUserByUsername("matrix-staff"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.get("/admin/programmes/kaiping-2024/initiatives/8/edit")
                        .with(user(users.loadUserByUsername("matrix-lead"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }
}
