package de.kontor.access;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.security.AddressBlockedException;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Blocks and the admin networks through the service, the authentication manager and over real HTTP. The
 * test client is 127.0.0.1 like every other test's, so a test that blocks it lifts the block at its end.
 */
class BlockedAddressesTest extends IntegrationTest {

    private static final String PASSWORD = "Blocked-Passw0rd-7";

    @Autowired
    AccessService access;

    @Autowired
    AuthenticationManager manager;

    @Autowired
    UserService users;

    HttpClientSupport http;
    private final List<String> blocksToLift = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
    }

    @AfterEach
    void liftBlocks() {
        asAdmin();
        blocksToLift.forEach(access::unblock);
        for (AdminNetwork network : access.adminNetworks()) {
            access.removeAdminNetwork(network.id(), "10.30.0.5");
        }
        SecurityContextHolder.clearContext();
        forgetLoginFailures();
    }

    @Test
    void aBlockedAddressGets403OnTheWholeApiAndOnSignInWhileHealthStaysReachable() {
        String admin = http.token(ADMIN, ADMIN_PASSWORD);
        blockLocalhost();

        var token = http.postJson("/api/auth/token", Map.of("username", ADMIN, "password", ADMIN_PASSWORD), null);
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.contentType()).startsWith("application/problem+json");
        assertThat(token.json().get("code").asString()).isEqualTo("ADDRESS_BLOCKED");
        var list = http.get("/api/admin/blocked-addresses", admin);
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.json().get("code").asString()).isEqualTo("ADDRESS_BLOCKED");
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        var form = http.submitLoginForm(ADMIN, ADMIN_PASSWORD);
        assertThat(form.header("Location")).endsWith("/login?blocked");

        liftBlocks();
        blocksToLift.clear();
        assertThat(http.get("/api/admin/blocked-addresses", admin).status()).isEqualTo(200);
    }

    @Test
    void blocksMatchAddressesAndRangesOfBothFamiliesAndEndAtTheirTime() {
        asAdmin();
        blocksToLift.add(access.block("10.20.0.0/16", null, "range", null).id());
        blocksToLift.add(access.block("2001:db8:7::/48", null, null, null).id());
        blocksToLift.add(access.block("10.21.0.9", clock.instant().plus(Duration.ofHours(1)), null, null)
                .id());

        assertThat(access.isBlocked("10.20.3.4")).isTrue();
        assertThat(access.isBlocked("10.22.0.1")).isFalse();
        assertThat(access.isBlocked("2001:db8:7:1::5")).isTrue();
        assertThat(access.isBlocked("2001:db8:8::5")).isFalse();
        assertThat(access.isBlocked("10.21.0.9")).isTrue();
        assertThat(access.isBlocked("10.21.0.10")).isFalse();

        clock.advance(Duration.ofHours(2));
        assertThat(access.isBlocked("10.21.0.9")).isFalse();
        assertThat(access.isBlocked("10.20.3.4")).isTrue();
        blocksToLift.removeLast();
    }

    @Test
    void restCreatesListsAndRemovesBlocksAndRefusesBadInput() {
        String admin = http.token(ADMIN, ADMIN_PASSWORD);
        var created = http.postJson(
                "/api/admin/blocked-addresses",
                Map.of("cidr", "198.51.100.0/24", "comment", "scanner", "until", "2099-01-01T00:00:00Z"),
                admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("createdBy").asString()).isEqualTo(ADMIN);
        assertThat(access.isBlocked("198.51.100.77")).isTrue();
        assertThat(http.get("/api/admin/blocked-addresses?size=500", admin).body())
                .contains("198.51.100.0/24")
                .contains("scanner");

        var hostName = http.postJson("/api/admin/blocked-addresses", Map.of("cidr", "example.org"), admin);
        assertThat(hostName.status()).isEqualTo(400);
        assertThat(hostName.json().get("code").asString()).isEqualTo("INVALID_CIDR");
        var badMask = http.postJson("/api/admin/blocked-addresses", Map.of("cidr", "10.0.0.0/40"), admin);
        assertThat(badMask.status()).isEqualTo(400);
        var own = http.postJson("/api/admin/blocked-addresses", Map.of("cidr", "127.0.0.0/8"), admin);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("code").asString()).isEqualTo("BLOCKS_OWN_ADDRESS");

        assertThat(http.delete("/api/admin/blocked-addresses/" + id, admin).status())
                .isEqualTo(204);
        assertThat(access.isBlocked("198.51.100.77")).isFalse();
        assertThat(http.delete("/api/admin/blocked-addresses/" + id, admin).status())
                .isEqualTo(404);
    }

    @Test
    void viewersReadTheBlocksButCannotChangeThem() {
        String viewer = http.token(createUser(Role.VIEWER), PASSWORD);
        assertThat(http.get("/api/admin/blocked-addresses", viewer).status()).isEqualTo(200);
        assertThat(http.get("/api/admin/admin-networks", viewer).status()).isEqualTo(200);
        var post = http.postJson("/api/admin/blocked-addresses", Map.of("cidr", "192.0.2.1"), viewer);
        assertThat(post.status()).isEqualTo(403);
        assertThat(access.isBlocked("192.0.2.1")).isFalse();
    }

    @Test
    void theLoginThrottlingsLocksAreListedAndCanBeLifted() {
        String user = createUser(Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            try {
                login(user, "wrong", "10.40.0.1");
            } catch (RuntimeException expected) {
                // counted
            }
        }
        asAdmin();
        List<AddressBlock> blocks = access.blocks(PageRequest.of(0, 500)).getContent();
        assertThat(blocks)
                .filteredOn(b -> b.source() == BlockSource.LOGIN_ACCOUNT)
                .extracting(AddressBlock::subject)
                .contains(user.toLowerCase());
        AddressBlock address = blocks.stream()
                .filter(b ->
                        b.source() == BlockSource.LOGIN_ADDRESS && b.subject().equals("10.40.0.1"))
                .findFirst()
                .orElseThrow();
        assertThat(address.id()).isEqualTo("address:10.40.0.1");
        assertThat(address.until()).isAfter(clock.instant());

        access.unblock("account:" + user.toLowerCase());
        access.unblock("address:10.40.0.1");
        SecurityContextHolder.clearContext();
        assertThat(login(user, PASSWORD, "10.40.0.1").getName()).isEqualTo(user);
    }

    @Test
    void withAdminNetworksAnAdminSignsInOnlyFromThemOtherUsersAnywhere() {
        String member = createUser(Role.MEMBER);
        asAdmin();
        assertThatThrownBy(() -> access.allowAdminNetwork("10.30.0.0/16", null, "10.99.0.1"))
                .hasMessageContaining("ADMIN_NETWORKS_EXCLUDE_YOU");
        access.allowAdminNetwork("10.30.0.0/16", "office", "10.30.0.5");
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> login(ADMIN, ADMIN_PASSWORD, "10.99.0.1")).isInstanceOf(AddressBlockedException.class);
        assertThat(login(ADMIN, ADMIN_PASSWORD, "10.30.4.4").getName()).isEqualTo(ADMIN);
        assertThat(login(member, PASSWORD, "10.99.0.1").getName()).isEqualTo(member);
        assertThatThrownBy(() -> login(member, "wrong", "10.99.0.2")).isInstanceOf(BadCredentialsException.class);

        var token = http.postJson("/api/auth/token", Map.of("username", ADMIN, "password", ADMIN_PASSWORD), null);
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.json().get("code").asString()).isEqualTo("ADDRESS_BLOCKED");
    }

    private void blockLocalhost() {
        asAdmin();
        blocksToLift.add(access.block("127.0.0.0/8", clock.instant().plus(Duration.ofDays(1)), null, null)
                .id());
        blocksToLift.add(access.block("::1", null, null, null).id());
        SecurityContextHolder.clearContext();
    }

    private Authentication login(String username, String password, String address) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return manager.authenticate(attempt);
    }

    private String createUser(Role role) {
        asAdmin();
        String username = unique("blocked");
        users.createUser(new NewUser(username, "Blocked Test", null, EnumSet.of(role), PASSWORD));
        SecurityContextHolder.clearContext();
        return username;
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }
}
