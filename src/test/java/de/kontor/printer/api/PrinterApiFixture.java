package de.kontor.printer.api;

import de.kontor.HttpClientSupport;
import de.kontor.printer.TestPlugs;
import de.kontor.printer.plug.sim.P110Emulator;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/** The setup the printer API tests share: a client with the admin's token, a plug, members with tokens. */
final class PrinterApiFixture implements AutoCloseable {

    final HttpClientSupport http;
    final String admin;
    final TestPlugs plugs;
    final P110Emulator plug;
    private final UserService users;

    PrinterApiFixture(String baseUrl, String adminName, String adminPassword, Clock clock, UserService users) {
        this.http = new HttpClientSupport(baseUrl);
        this.admin = http.token(adminName, adminPassword);
        this.plugs = new TestPlugs(clock);
        this.plug = plugs.start("API plug");
        this.users = users;
    }

    /** The body of {@code POST /api/printers} for a printer on the fixture's plug. */
    Map<String, Object> printerBody(String name) {
        return new HashMap<>(Map.of(
                "name",
                name,
                "plugHost",
                plug.host(),
                "plugPort",
                plug.port(),
                "plugUsername",
                TestPlugs.USER,
                "plugPassword",
                TestPlugs.PASSWORD));
    }

    /** Adds a printer over the API and returns its id. */
    long printer(String name) {
        return http.postJson("/api/printers", printerBody(name), admin)
                .json()
                .get("printer")
                .get("id")
                .asLong();
    }

    /** A new member's API token. */
    String member(String name) {
        TestPlugs.asAdmin();
        try {
            users.createUser(new NewUser(name, name, null, EnumSet.of(Role.MEMBER), "Member-Pw-12345"));
        } finally {
            TestPlugs.signOut();
        }
        return http.token(name, "Member-Pw-12345");
    }

    @Override
    public void close() {
        plugs.close();
    }
}
