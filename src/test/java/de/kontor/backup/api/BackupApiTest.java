package de.kontor.backup.api;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.TestTotp;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Backups over real HTTP: admins make, download and delete them; viewers only list. */
class BackupApiTest extends IntegrationTest {

    private static final String PASSWORD = "Backup-Passw0rd-11";

    @Autowired
    UserService users;

    HttpClientSupport http;
    String admin;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        admin = http.token(ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void anAdminMakesDownloadsAndDeletesABackup() throws Exception {
        var created = http.postJson("/api/admin/backups", Map.of("passphrase", "a long enough passphrase"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("secretKeyIncluded").asBoolean()).isTrue();
        assertThat(created.json().get("kind").asString()).isEqualTo("MANUAL");

        var list = http.get("/api/admin/backups", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(id);

        var withPasswordOnly = http.get("/api/admin/backups/" + id + "/download", admin);
        assertThat(withPasswordOnly.status()).isEqualTo(403);
        assertThat(withPasswordOnly.json().get("code").asString()).isEqualTo("STEP_UP_REQUIRED");

        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/backups/" + id + "/download"))
                                .header("Authorization", "Bearer " + steppedUpAdmin())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        List<String> entries = new ArrayList<>();
        String sql = "";
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
                if (entry.getName().equals("kontor.sql")) {
                    sql = new String(zip.readAllBytes());
                }
            }
        }
        assertThat(entries).containsExactlyInAnyOrder("kontor.sql", "manifest.json", "secret.key.sealed");
        assertThat(sql).contains("CREATE TABLE `flyway_schema_history`").contains("INSERT INTO `app_user`");

        assertThat(http.delete("/api/admin/backups/" + id, admin).status()).isEqualTo(204);
        var gone = http.get("/api/admin/backups/" + id, admin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("code").asString()).isEqualTo("BACKUP_NOT_FOUND");
    }

    @Test
    void aShortPassphraseIsAFieldErrorAndNoBackupIsMade() {
        int before = http.get("/api/admin/backups", admin).json().size();
        var refused = http.postJson("/api/admin/backups", Map.of("passphrase", "short"), admin);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("PASSPHRASE_TOO_SHORT");
        assertThat(http.get("/api/admin/backups", admin).json().size()).isEqualTo(before);
    }

    @Test
    void viewersListButCannotMakeDownloadOrDelete() {
        var created = http.postJson("/api/admin/backups", Map.of(), admin);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String viewer = http.token(create(Role.VIEWER), PASSWORD);
        String member = http.token(create(Role.MEMBER), PASSWORD);

        assertThat(http.get("/api/admin/backups", viewer).status()).isEqualTo(200);
        assertThat(http.postJson("/api/admin/backups", Map.of(), viewer).status())
                .isEqualTo(403);
        assertThat(http.get("/api/admin/backups/" + id + "/download", viewer).status())
                .isEqualTo(403);
        assertThat(http.delete("/api/admin/backups/" + id, viewer).status()).isEqualTo(403);
        assertThat(http.get("/api/admin/backups", member).status()).isEqualTo(403);
        assertThat(http.get("/api/admin/backups/" + id, admin).status()).isEqualTo(200);
    }

    @Test
    void anIdThatIsNotABackupNameIsNotFound() {
        assertThat(http.get("/api/admin/backups/..%2Fsecret.key/download", admin)
                        .status())
                .isIn(400, 404);
        assertThat(http.get("/api/admin/backups/kontor-x/download", admin).status())
                .isEqualTo(404);
    }

    /** A token of an admin with two-factor sign-in, obtained with a code: it counts as stepped up for ten minutes. */
    private String steppedUpAdmin() {
        String name = create(Role.ADMIN);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        name, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        String secret = TestTotp.enrolCurrentUser(users, clock);
        SecurityContextHolder.clearContext();
        var token = http.postJson(
                "/api/auth/token",
                Map.of("username", name, "password", PASSWORD, "totp", TestTotp.next(secret, clock)),
                null);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return token.json().get("token").asString();
    }

    private String create(Role role) {
        String name = unique("backup-" + role.name().toLowerCase());
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.createUser(new NewUser(name, name, null, EnumSet.of(role), PASSWORD));
        SecurityContextHolder.clearContext();
        return name;
    }
}
