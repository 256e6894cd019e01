package de.kontor.security;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every view and every endpoint states who may use it. */
class SecurityDeclarationsTest {

    private static List<Class<?>> annotated(Class<? extends Annotation> annotation) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("de.kontor")) {
            classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
        }
        return classes;
    }

    @Test
    void everyViewDeclaresItsAudience() {
        List<Class<?>> views = annotated(Route.class);
        assertThat(views).isNotEmpty();
        Set<Class<? extends Annotation>> declarations =
                Set.of(RolesAllowed.class, PermitAll.class, AnonymousAllowed.class, DenyAll.class);
        for (Class<?> view : views) {
            assertThat(declarations.stream().anyMatch(view::isAnnotationPresent))
                    .as("%s has no security annotation", view.getName())
                    .isTrue();
        }
    }

    /** The login page and the pages reached from it: self-registration and the password reset by e-mail. */
    @Test
    void onlyTheLoginPagesAreOpenToAnonymousUsers() {
        assertThat(annotated(Route.class).stream()
                        .filter(v -> v.isAnnotationPresent(AnonymousAllowed.class))
                        .map(Class::getSimpleName))
                .containsExactlyInAnyOrder(
                        "LoginView",
                        "SecondFactorView",
                        "RegisterView",
                        "ForgotPasswordView",
                        "ResetPasswordView",
                        "KioskView");
    }

    @Test
    void viewsNameOnlyKontorsRolesAndViewersNeverShareAMembersPage() {
        Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        assertThat(roles).containsExactlyInAnyOrder("ADMIN", "MEMBER", "VIEWER");
        for (Class<?> view : annotated(Route.class)) {
            RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
            if (allowed == null) {
                continue;
            }
            assertThat(roles)
                    .as("%s names an unknown role", view.getSimpleName())
                    .contains(allowed.value());
            if (Arrays.asList(allowed.value()).contains(Role.VIEWER_NAME)) {
                assertThat(allowed.value())
                        .as("%s: viewers see admin pages, not members' own pages", view.getSimpleName())
                        .doesNotContain(Role.MEMBER_NAME)
                        .contains(Role.ADMIN_NAME);
            }
        }
    }

    @Test
    void everyEndpointDeclaresItsAudience() {
        List<Class<?>> controllers = annotated(RestController.class);
        assertThat(controllers).isNotEmpty();
        for (Class<?> controller : controllers) {
            boolean classLevel = AnnotatedElementUtils.hasAnnotation(controller, PreAuthorize.class);
            for (Method method : controller.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    assertThat(classLevel || AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class))
                            .as(
                                    "%s.%s declares no audience (@AdminOnly, @SignedIn, @PublicEndpoint)",
                                    controller.getSimpleName(), method.getName())
                            .isTrue();
                }
            }
        }
    }
}
