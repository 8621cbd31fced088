package org.gongjian.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.ui.ExtendedModelMap;

/**
 * Method security still guards a handler called past Spring MVC (where {@link PermissionCheck} decides first): the
 * plain {@code hasAuthority} rule decided without SpEL ({@link PreAuthorizeRules}) refuses a caller without the
 * permission and lets one with it through, and a {@code permitAll()} rule still goes through SpEL.
 */
@SpringBootTest
@ActiveProfiles("test")
class MethodSecurityTests {

    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_handler_called_directly_is_refused_without_its_permission_and_runs_with_it() throws Throwable {
        Object controller = context.getBean(Class.forName("org.gongjian.programme.web.TargetApiController"));
        assertThat(AopUtils.isAopProxy(controller)).isTrue();
        Method measurements = AopUtils.getTargetClass(controller).getDeclaredMethod("measurements", String.class,
                String.class, org.springframework.data.domain.Pageable.class);
        measurements.setAccessible(true);

        signIn("reader-without-read", "programme:measurement:create");
        assertThatThrownBy(() -> call(measurements, controller, "kaiping-2024", "finance.pairs", PageRequest.of(0, 5)))
                .isInstanceOf(AccessDeniedException.class);

        signIn("reader", "programme:programme:read");
        assertThat(call(measurements, controller, "kaiping-2024", "finance.pairs", PageRequest.of(0, 5)))
                .isInstanceOf(Page.class);
    }

    @Test
    void a_permit_all_rule_lets_an_anonymous_caller_through() throws Throwable {
        Object controller = context.getBean(Class.forName("org.gongjian.organisation.web.LoginController"));
        Method login = AopUtils.getTargetClass(controller).getDeclaredMethod("login", org.springframework.ui.Model.class);
        login.setAccessible(true);
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThat(call(login, controller, new ExtendedModelMap())).isEqualTo("login");
    }

    private static void signIn(String username, String permission) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username,
                null, List.of(new SimpleGrantedAuthority(permission))));
    }

    private static Object call(Method method, Object target, Object... args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
