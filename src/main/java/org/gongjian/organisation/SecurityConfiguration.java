package org.gongjian.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two filter chains. The JSON API under {@code /api} is stateless: HTTP Basic or a personal token
 * ({@code Bearer gj_…}), no session, so no CSRF exposure. The pages use a session with form login,
 * CSRF protection, session fixation protection, an idle timeout ({@code server.servlet.session.timeout})
 * and logout. Both send a strict Content-Security-Policy (no inline script or style) and the usual
 * headers. Logins by password are throttled per account and per address ({@link LoginThrottle}).
 */
@Configuration
@EnableMethodSecurity(prePostEnabled = false)
class SecurityConfiguration implements WebMvcConfigurer {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final PermissionCheck permissionCheck;
    /** The register's map page may load images from the configured tile host, and only when one is set. */
    private final String mapCsp;

    SecurityConfiguration(PermissionCheck permissionCheck,
            @org.springframework.beans.factory.annotation.Value("${gongjian.roads.map.tile-url:}") String tileUrl) {
        this.permissionCheck = permissionCheck;
        this.mapCsp = org.gongjian.shared.web.TileSource.of(tileUrl)
                .map(t -> CSP.replace("img-src 'self' data: blob:", "img-src 'self' data: blob: " + t.cspSource()))
                .orElse(CSP);
    }

    /**
     * {@code @PreAuthorize} on every handler, decided by {@link PreAuthorizeRules} (its usual rule without SpEL);
     * {@code @PostAuthorize} and the filters are not used in this application, so Spring Security's pre/post
     * configuration is off and this is the one method security interceptor.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor preAuthorize(ApplicationContext context) {
        return AuthorizationManagerBeforeMethodInterceptor.preAuthorize(new PreAuthorizeRules(context));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(permissionCheck);
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: nothing reads
     * them, and wrapping every filter of every request cost a share of the check-in path (ADR 0142). Nor is there
     * an HTTP request observation (application.properties, ADR 0037 amendment 1).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService details, PasswordEncoder encoder,
            LoginThrottle throttle, org.gongjian.audit.AuditLog audit) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(details);
        passwords.setPasswordEncoder(encoder);
        passwords.setUserDetailsPasswordService(details);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, audit));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, ApiTokens tokens,
            SecurityResponses responses) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(manager)
                // each handler's permission is checked before its request body is read (PermissionCheck)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(responses.apiEntryPoint()))
                .addFilterBefore(new ApiTokenFilter(tokens, responses.apiEntryPoint()), BasicAuthenticationFilter.class)
                .addFilterBefore(new FirstPasswordFilter(true, responses), AuthorizationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(responses.apiEntryPoint())
                        .accessDeniedHandler(responses.apiAccessDenied()))
                .headers(this::headers)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager, Accounts accounts,
            SecurityResponses responses) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(java.util.Map.of(LoginThrottledException.class.getName(), "/login?throttled"));
        return http
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/error", "/roads/report", "/volunteers/join", "/volunteers/verify/*")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new LandingPage()).failureHandler(failures)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint(responses.pageEntryPoint())
                        .accessDeniedHandler(responses.pageAccessDenied()))
                .addFilterBefore(new AccountFreshnessFilter(accounts), AuthorizationFilter.class)
                .addFilterAfter(new FirstPasswordFilter(false, responses), AccountFreshnessFilter.class)
                .headers(this::headers)
                .build();
    }

    /** Swagger UI, a library's page, applies inline styles; it may, and still runs no inline script. */
    static final String SWAGGER_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    /** A report downloaded as HTML carries its style sheet inside, so that the file stands alone; it runs no script. */
    static final String DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final RequestMatcher SWAGGER = PathPatternRequestMatcher.pathPattern("/swagger-ui/**");
    private static final RequestMatcher DOCUMENTS = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/reports/*/review/download"),
            PathPatternRequestMatcher.pathPattern("/reports/*/bulletin/download"),
            PathPatternRequestMatcher.pathPattern("/api/v1/programmes/*/review"),
            PathPatternRequestMatcher.pathPattern("/api/v1/programmes/*/bulletin"));

    private static final RequestMatcher MAP_PAGES = PathPatternRequestMatcher.pathPattern("/roads/register");

    private void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new OrRequestMatcher(SWAGGER, DOCUMENTS, MAP_PAGES)), new ContentSecurityPolicyHeaderWriter(CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(MAP_PAGES, new ContentSecurityPolicyHeaderWriter(mapCsp)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER, new ContentSecurityPolicyHeaderWriter(SWAGGER_CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(DOCUMENTS, new ContentSecurityPolicyHeaderWriter(DOCUMENT_CSP)))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny())
                .httpStrictTransportSecurity(h -> h.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                // geolocation for this origin only: a volunteer's GPS self check-in inside an activity's geofence
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(self), payment=()"));
    }

    /**
     * After logging in: the page asked for (a scanned check-in code), else the start page, or for volunteers and
     * captains, who do not read the programme, their own volunteer page; road chiefs and road staff their own roads.
     */
    static final class LandingPage extends org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler {

        LandingPage() {
            setDefaultTargetUrl("/");
        }

        @Override
        protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response, org.springframework.security.core.Authentication auth) {
            var granted = auth.getAuthorities().stream()
                    .map(org.springframework.security.core.GrantedAuthority::getAuthority).toList();
            if (!granted.contains(Permissions.PROGRAMME_READ)) {
                if (granted.contains(Permissions.FINANCE_BANK)) {
                    return "/finance/needs";
                }
                if (granted.contains(Permissions.ROADS_FIELD)) {
                    return "/roads/my";
                }
                if (granted.contains(Permissions.VOLUNTEERS_SELF)) {
                    return "/volunteers/me";
                }
            }
            return super.determineTargetUrl(request, response, auth);
        }
    }
}
