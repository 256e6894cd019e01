package de.kontor.security;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.util.ClassUtils;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches which view, route by route, checked with the same annotation checker Vaadin's navigation
 * access control uses. Letters: A admin, M member, V viewer (read-only), - anonymous only. A new view
 * must be added here, stating who may open it.
 */
class RoleMatrixTest {

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            entry("LoginView", "-AMV"),
            entry("SecondFactorView", "-AMV"),
            entry("RegisterView", "-AMV"),
            entry("ForgotPasswordView", "-AMV"),
            entry("ResetPasswordView", "-AMV"),
            entry("KioskView", "-AMV"),
            entry("HomeView", "AMV"),
            entry("AccountView", "AMV"),
            entry("MyTallyView", "AM"),
            entry("ReservationsView", "AM"),
            entry("ApiTokensView", "A"),
            entry("CustomerImportView", "A"),
            entry("LeadImportView", "A"),
            entry("MyTasksView", "A"),
            entry("UsersView", "AV"),
            entry("SessionsView", "AV"),
            entry("AuditView", "AV"),
            entry("MailOutboxView", "AV"),
            entry("SettingsView", "AV"),
            entry("BlockedAddressesView", "AV"),
            entry("BackupsView", "AV"),
            entry("CustomersView", "AV"),
            entry("CustomerView", "AV"),
            entry("KiosksView", "AV"),
            entry("LeadsView", "AV"),
            entry("LeadView", "AV"),
            entry("LeadBoardView", "AV"),
            entry("LeadStatsView", "AV"),
            entry("LeadTagsView", "AV"),
            entry("LicensesView", "AV"),
            entry("LicenseView", "AV"),
            entry("ProductsView", "AV"),
            entry("ProductView", "AV"),
            entry("ModulesView", "AV"),
            entry("NodesView", "AV"),
            entry("DashboardView", "AV"),
            entry("NodeView", "AV"),
            entry("CompareView", "AV"),
            entry("AlertsView", "AV"),
            entry("AlertRulesView", "AV"),
            entry("ChannelsView", "AV"),
            entry("PrintersView", "AV"),
            entry("PrinterView", "AV"),
            entry("TallyView", "AV"),
            entry("TallyPersonView", "AV"),
            entry("TallySettingsView", "AV"),
            entry("TallyResetsView", "AV"),
            entry("TallyApiUsersView", "AV"));

    private final AccessAnnotationChecker checker = new AccessAnnotationChecker();

    @Test
    void everyRouteIsOpenToExactlyTheRolesOfTheMatrix() {
        Map<String, String> actual = new TreeMap<>();
        for (Class<?> view : routes()) {
            StringBuilder who = new StringBuilder();
            if (checker.hasAccess(view, null, role -> false)) {
                who.append('-');
            }
            for (Role role : Role.values()) {
                if (checker.hasAccess(view, principal(role), r -> r.equals(role.name()))) {
                    who.append(role.name().charAt(0));
                }
            }
            actual.put(view.getSimpleName(), who.toString());
        }
        assertThat(actual)
                .as("views missing from the matrix must be added with who may open them")
                .containsOnlyKeys(EXPECTED.keySet());
        assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED));
    }

    private static Principal principal(Role role) {
        return UsernamePasswordAuthenticationToken.authenticated(role.name().toLowerCase(Locale.ROOT), null, List.of());
    }

    private static List<Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("de.kontor")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            // Views that tests add for themselves are not Kontor's.
            if (!type.getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toString()
                    .contains("test-classes")) {
                classes.add(type);
            }
        }
        return classes;
    }
}
