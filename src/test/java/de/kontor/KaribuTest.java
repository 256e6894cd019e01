package de.kontor;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockRouteAccessDeniedError;
import com.github.mvysny.kaributesting.v10.MockRouteNotFoundError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one base class for UI tests: Kontor's routes are discovered once, every test gets a fresh mock
 * Vaadin session on the real application context, and {@link #login} signs in as a real account.
 */
public abstract class KaribuTest extends IntegrationTest {

    /** The password of accounts that {@link #login} creates. */
    protected static final String PASSWORD = "Karibu-Test-Pw-1";

    private static Routes routes;
    private static Routes routesWithErrorPages;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected UserService users;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            // Karibu's own discovery sees public classes only; Kontor's views are package-private.
            Routes discovered = new Routes().autoDiscoverViews("de.kontor");
            Set<Class<? extends Component>> all = new HashSet<>(discovered.getRoutes());
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
            for (BeanDefinition candidate : scanner.findCandidateComponents("de.kontor")) {
                all.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), KaribuTest.class.getClassLoader())
                        .asSubclass(Component.class));
            }
            routes = new Routes(all, new HashSet<>(discovered.getErrorRoutes()), true);
            // Kontor's own error pages (package-private as well) instead of Karibu's throwing stand-ins,
            // for tests of what users see when an address leads nowhere or is not allowed.
            Set<Class<? extends HasErrorParameter<?>>> errorPages = new HashSet<>(discovered.getErrorRoutes());
            errorPages.remove(MockRouteNotFoundError.class);
            errorPages.remove(MockRouteAccessDeniedError.class);
            var errorScanner = new ClassPathScanningCandidateComponentProvider(false);
            errorScanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
            for (BeanDefinition candidate : errorScanner.findCandidateComponents("de.kontor")) {
                errorPages.add(errorRoute(
                        ClassUtils.resolveClassName(candidate.getBeanClassName(), KaribuTest.class.getClassLoader())));
            }
            routesWithErrorPages = new Routes(new HashSet<>(all), errorPages, true);
        }
    }

    /**
     * Whether this test class sees Kontor's error pages (not found, not allowed) where Karibu would
     * otherwise throw its {@code MockAccessDeniedException} or a {@code NotFoundException}.
     */
    protected boolean showsKontorErrorPages() {
        return false;
    }

    private Routes currentRoutes() {
        return showsKontorErrorPages() ? routesWithErrorPages : routes;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends HasErrorParameter<?>> errorRoute(Class<?> type) {
        return (Class<? extends HasErrorParameter<?>>) type;
    }

    @BeforeEach
    void setUpVaadin() {
        setUpUi(Locale.ENGLISH);
    }

    /** A fresh UI, as after a page load, with the given browser language. */
    protected void setUpUi(Locale browserLocale) {
        MockVaadin.tearDown();
        var servlet = new MockSpringServlet(currentRoutes(), context, UI::new);
        MockVaadin.setup(UI::new, servlet);
        VaadinSession.getCurrent().setLocale(browserLocale);
        UI.getCurrent().setLocale(browserLocale);
    }

    /**
     * A fresh UI for the signed-in user, as after reloading the page: UI init listeners (stored
     * language, colour scheme) run with the user's security context.
     */
    protected void setUpUiKeepingLogin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        MockVaadin.tearDown();
        SecurityContextHolder.getContext().setAuthentication(authentication);
        MockVaadin.setup(UI::new, new MockSpringServlet(currentRoutes(), context, UI::new));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((p, role) -> authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /** Signs in as {@code username} (created with these roles if it does not exist yet). */
    protected void login(String username, Role... roles) {
        Set<Role> wanted = roles.length == 0 ? EnumSet.of(Role.MEMBER) : EnumSet.copyOf(Arrays.asList(roles));
        if (users.findByUsername(username).isEmpty()) {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "test-setup", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
            users.createUser(new NewUser(username, username, null, wanted, PASSWORD));
        }
        var account = users.findByUsername(username).orElseThrow();
        var authorities = account.getRoles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        var principal = new User(username, "n/a", authorities);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole(
                (p, role) -> account.getRoles().stream().anyMatch(r -> r.name().equals(role)));
    }

    protected void loginAsAdmin() {
        login(ADMIN, Role.ADMIN);
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request =
                    (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((p, role) -> false);
        }
    }

    protected void navigate(String route) {
        UI.getCurrent().navigate(route);
    }

    /**
     * Sets a field's value as if the user typed it (a client-side change). Karibu's {@code _setValue}
     * relies on a Vaadin internal whose signature changed in 25.2, hence this version.
     */
    @SuppressWarnings("unchecked")
    public static <V> void type(HasValue<?, V> field, V value) {
        Component component = (Component) field;
        if (!component.isVisible() || !(field instanceof HasEnabled enabled) || !enabled.isEnabled()) {
            throw new AssertionError(component + " is not visible or not enabled");
        }
        if (field.isReadOnly()) {
            throw new AssertionError(component + " is read-only");
        }
        if (field instanceof AbstractField<?, ?>) {
            try {
                Field support = AbstractField.class.getDeclaredField("fieldSupport");
                support.setAccessible(true);
                Object fieldSupport = support.get(field);
                Method setValue = fieldSupport
                        .getClass()
                        .getDeclaredMethod("setValue", Object.class, boolean.class, boolean.class);
                setValue.setAccessible(true);
                setValue.invoke(fieldSupport, value, false, true);
                return;
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot simulate user input on " + component, e);
            }
        }
        field.setValue(value);
    }
}
