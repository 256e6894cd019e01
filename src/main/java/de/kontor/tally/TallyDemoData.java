package de.kontor.tally;

import de.kontor.base.demo.DemoContext;
import de.kontor.base.demo.DemoData;
import de.kontor.tally.TallyModel.IssuedKey;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.PersonUpdate;
import de.kontor.tally.TallyModel.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Demo tally: members with NFC tokens and two months of bookings, and one terminal API user. */
@Component
class TallyDemoData implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(TallyDemoData.class);

    private final TallyService tally;
    private final Clock clock;

    TallyDemoData(TallyService tally, Clock clock) {
        this.tally = tally;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "tally";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void load(DemoContext context) {
        List<String[]> members = List.of(
                new String[] {"Anna", "Albers"},
                new String[] {"Ben", "Brandt"},
                new String[] {"Clara", "Conrad"},
                new String[] {"David", "Dietrich"},
                new String[] {"Emma", "Engel"},
                new String[] {"Felix", "Fuchs"},
                new String[] {"Greta", "Graf"},
                new String[] {"Hannes", "Hoffmann"},
                new String[] {"Ida", "Imhof"},
                new String[] {"Jakob", "Jäger"},
                new String[] {"Karla", "König"},
                new String[] {"Luis", "Lorenz"});
        Instant now = clock.instant();
        int n = 0;
        for (String[] m : members) {
            n++;
            String code = String.format("10000000%02d", n);
            String email = (m[0] + "." + m[1]).toLowerCase().replace("ä", "ae").replace("ö", "oe") + "@example.org";
            PersonDetails p = tally.createPerson(new NewPerson(code, m[0], m[1], email, context.password()));
            byte[] token = new byte[] {
                0x04,
                (byte) context.random().nextInt(256),
                (byte) context.random().nextInt(256),
                (byte) context.random().nextInt(256),
                (byte) n
            };
            tally.addToken(p.id(), "Karte", HexFormat.of().formatHex(token));
            Instant at = now.minus(Duration.ofDays(60));
            long balance = 20 + 5 * context.random().nextInt(4);
            tally.bookAt(p.id(), balance, "Einzahlung", "ADMIN", "admin", at);
            int marks = 5 + context.random().nextInt(25);
            for (int i = 0; i < marks && balance > 0; i++, balance--) {
                at = at.plus(Duration.ofMinutes(60 + context.random().nextInt(60 * 48)));
                if (at.isAfter(now)) {
                    break;
                }
                tally.bookAt(
                        p.id(),
                        -1,
                        i % 5 == 0 ? "QR Terminal Küche" : "Terminal Küche",
                        i % 5 == 0 ? "QR" : "NFC",
                        "api:Terminal Küche",
                        at);
            }
            // notices switched on after the history, so the demo does not start with a full outbox
            tally.updatePerson(
                    p.id(),
                    p.version(),
                    new PersonUpdate(
                            m[0],
                            m[1],
                            email,
                            null,
                            n % 3 == 0 ? 3 : null,
                            n % 4 == 0 ? 0 : null,
                            n % 2 == 0,
                            true,
                            n % 3 == 0));
        }
        tally.setLocked(tally.person("1000000012").orElseThrow().id(), true);
        demoMembersAccounts(context, now);
        long terminal = tally.createApiUser("Terminal Küche");
        IssuedKey key = tally.generateKey(terminal, Scope.BOOK);
        log.info(
                "Demo tally terminal \"Terminal Küche\": API key {} (shown once; Tally > Terminals makes new ones)",
                key.value());
    }

    /**
     * The demo members that sign in by name (mara.schmidt, ...) get a tally account too, with a deposit and a
     * few marks, so the tour's "my tally" and the home page's balance show something.
     */
    private void demoMembersAccounts(DemoContext context, Instant now) {
        String[][] accounts = {
            {"mara.schmidt", "Mara", "Schmidt"},
            {"jonas.becker", "Jonas", "Becker"},
            {"lea.mueller", "Lea", "Müller"},
            {"tim.oezdemir", "Tim", "Özdemir"},
            {"sofia.rossi", "Sofia", "Rossi"}
        };
        int n = 0;
        for (String[] a : accounts) {
            n++;
            String code = String.format("20000000%02d", n);
            Optional<PersonDetails> created =
                    tally.createPersonForAccount(new NewPerson(code, a[1], a[2], null, null), a[0]);
            if (created.isEmpty()) {
                continue; // that demo account does not exist
            }
            PersonDetails p = created.get();
            Instant at = now.minus(Duration.ofDays(30));
            tally.bookAt(p.id(), 20, "Einzahlung", "ADMIN", "admin", at);
            int marks = 3 + context.random().nextInt(8);
            for (int i = 0; i < marks; i++) {
                at = at.plus(Duration.ofHours(12 + context.random().nextInt(60)));
                if (at.isAfter(now)) {
                    break;
                }
                tally.bookAt(p.id(), -1, "Terminal Küche", "NFC", "api:Terminal Küche", at);
            }
        }
    }
}
