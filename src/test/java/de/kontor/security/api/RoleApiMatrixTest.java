package de.kontor.security.api;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin, member and viewer against the admin REST API over real HTTP: viewers read, and only read. */
class RoleApiMatrixTest extends IntegrationTest {

    private static final String PASSWORD = "Matrix-Passw0rd-11";

    @Autowired
    UserService users;

    HttpClientSupport http;
    String admin;
    String member;
    String viewer;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        admin = http.token(ADMIN, ADMIN_PASSWORD);
        member = http.token(create(Role.MEMBER), PASSWORD);
        viewer = http.token(create(Role.VIEWER), PASSWORD);
    }

    @Test
    void readingAdminEndpointsIsOpenToAdminsAndViewersNotMembers() {
        for (String path : List.of("/api/customers", "/api/audit", "/api/admin/licenses", "/api/admin/products")) {
            assertThat(http.get(path, admin).status()).as("admin GET " + path).isEqualTo(200);
            assertThat(http.get(path, viewer).status()).as("viewer GET " + path).isEqualTo(200);
            var denied = http.get(path, member);
            assertThat(denied.status()).as("member GET " + path).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void everyChangeAViewerSendsIsRefusedWith403() {
        var created = http.postJson("/api/customers", Map.of("name", unique("Matrix GmbH")), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        var post = http.postJson("/api/customers", Map.of("name", unique("Viewer GmbH")), viewer);
        var archive = http.delete("/api/customers/" + id, viewer);
        var restore = http.postJson("/api/customers/" + id + "/restore", Map.of(), viewer);

        for (var refused : List.of(post, archive, restore)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(http.get("/api/customers/" + id, viewer).status()).isEqualTo(200);
        assertThat(http.delete("/api/customers/" + id, member).status()).isEqualTo(403);
        assertThat(http.delete("/api/customers/" + id, admin).status()).isEqualTo(200);
    }

    @Test
    void aViewerStillUsesTheirOwnAccountEndpoints() {
        var me = http.get("/api/auth/me", viewer);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("VIEWER");
        assertThat(http.postJson("/api/me/totp", Map.of(), viewer).status()).isEqualTo(200);
    }

    private String create(Role role) {
        String name = unique("matrix-" + role.name().toLowerCase(Locale.ROOT));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.createUser(new NewUser(name, name, null, EnumSet.of(role), PASSWORD));
        SecurityContextHolder.clearContext();
        return name;
    }
}
