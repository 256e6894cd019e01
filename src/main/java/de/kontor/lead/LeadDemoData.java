package de.kontor.lead;

import de.kontor.base.demo.DemoContext;
import de.kontor.base.demo.DemoData;
import de.kontor.lead.LeadModel.ActivityDraft;
import de.kontor.lead.LeadModel.ActivityKind;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Type;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** About 200 demo institutions with contacts, notes, tags and activities, spread over the last year. */
@Component
class LeadDemoData implements DemoData {

    private static final String[] CITIES = {
        "Köln",
        "Bonn",
        "Düsseldorf",
        "Aachen",
        "Leverkusen",
        "Bergisch Gladbach",
        "Siegburg",
        "Troisdorf",
        "Brühl",
        "Hürth"
    };
    private static final String[][] KINDS = {
        {"SCHOOL", "Gymnasium"},
        {"SCHOOL", "Realschule"},
        {"SCHOOL", "Gesamtschule"},
        {"SCHOOL", "Berufskolleg"},
        {"UNIVERSITY", "Hochschule"},
        {"COMPANY", "Maschinenbau"},
        {"COMPANY", "Elektrotechnik"},
        {"COMPANY", "Schreinerei"},
        {"CLUB", "Modellbauverein"},
        {"CLUB", "Jugendzentrum"},
        {"PUBLIC", "Stadtbibliothek"},
        {"OTHER", "Stiftung"}
    };
    private static final String[] NAMES = {
        "Nord",
        "Süd",
        "am Rhein",
        "Mitte",
        "Lindenhof",
        "am Park",
        "West",
        "Ost",
        "Sonnenberg",
        "Kreuzfeld",
        "Hansa",
        "Pionier",
        "Zukunft",
        "Brückenweg",
        "Eichenhain",
        "Marktplatz",
        "Altstadt"
    };
    private static final String[] FIRST = {
        "Anna", "Jonas", "Lea", "Paul", "Mia", "Felix", "Sofia", "Lukas", "Emma", "Ben", "Hannah", "Elias", "Marie",
        "Noah", "Lena"
    };
    private static final String[] LAST = {
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Hoffmann",
        "Koch",
        "Richter",
        "Klein",
        "Wolf",
        "Neumann",
        "Schwarz"
    };
    private static final String[] TAGS = {
        "MINT", "3D-Druck", "Robotik", "Ferienkurs", "Sponsoring", "Makerspace-Tour", "Lötkurs", "Förderverein"
    };
    private static final String[] SOURCES = {
        "Messe", "Website", "Empfehlung", "Kaltakquise", "Newsletter", "Tag der offenen Tür"
    };
    private static final String[] OWNERS = {"admin", "jana.vogel", "mara.schmidt"};
    private static final String[] NOTES = {
        "Interesse an einem Workshop für die Oberstufe.",
        "Rückruf nach den Ferien vereinbart.",
        "Budget für das nächste Halbjahr beantragt.",
        "Möchte eine Führung durch die Werkstatt für 15 Personen.",
        "Hat bereits einen 3D-Drucker, sucht Schulungen."
    };

    private final LeadService leads;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    LeadDemoData(LeadService leads, JdbcClient jdbc, Clock clock, ZoneId zone) {
        this.leads = leads;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "lead";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public void load(DemoContext context) {
        Random r = context.random();
        for (String tag : TAGS) {
            leads.createTag(tag, String.format("#%06x", 0x204060 + r.nextInt(0x9f9f9f)));
        }
        Status[] statuses = Status.values();
        for (int n = 0; n < 200; n++) {
            String[] kind = KINDS[r.nextInt(KINDS.length)];
            String city = CITIES[r.nextInt(CITIES.length)];
            String name =
                    kind[1] + " " + NAMES[r.nextInt(NAMES.length)] + " " + city + (n >= 150 ? " " + (n - 149) : "");
            Set<String> tags = new TreeSet<>();
            for (int t = r.nextInt(3); t > 0; t--) {
                tags.add(TAGS[r.nextInt(TAGS.length)]);
            }
            Status status =
                    statuses[Math.min(statuses.length - 1, (int) Math.floor(Math.pow(r.nextDouble(), 1.6) * 5))];
            String slug = name.toLowerCase()
                    .replace("ä", "ae")
                    .replace("ö", "oe")
                    .replace("ü", "ue")
                    .replace("ß", "ss")
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
            Institution i;
            try {
                i = leads.create(new InstitutionDraft(
                        name,
                        Type.valueOf(kind[0]),
                        "Hauptstraße " + (1 + r.nextInt(200)),
                        String.valueOf(50000 + r.nextInt(3000)),
                        city,
                        "DE",
                        "https://www." + slug + ".example",
                        "0221 " + (100000 + r.nextInt(900000)),
                        "info@" + slug + ".example",
                        status,
                        SOURCES[r.nextInt(SOURCES.length)],
                        OWNERS[r.nextInt(OWNERS.length)],
                        tags));
            } catch (RuntimeException duplicateName) {
                continue;
            }
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            leads.addContact(
                    i.id(),
                    new ContactDraft(
                            first + " " + last,
                            kind[0].equals("SCHOOL") ? "Lehrkraft" : "Leitung",
                            (first + "." + last).toLowerCase().replace("ü", "ue") + "@" + slug + ".example",
                            null,
                            null,
                            true));
            if (r.nextBoolean()) {
                leads.addNote(i.id(), NOTES[r.nextInt(NOTES.length)]);
            }
            if (r.nextInt(3) == 0) {
                leads.addActivity(i.id(), new ActivityDraft(ActivityKind.CALL, "Erstgespräch", null, null, null));
            }
            if (status != Status.WON && status != Status.LOST && r.nextInt(3) == 0) {
                leads.addActivity(
                        i.id(),
                        new ActivityDraft(
                                ActivityKind.TASK,
                                "Angebot nachfassen",
                                null,
                                LocalDate.ofInstant(clock.instant(), zone).plusDays(r.nextInt(30) - 10),
                                OWNERS[r.nextInt(OWNERS.length)]));
            }
            // spread the creation over the last twelve months for the statistics
            jdbc.sql("update lead_institution set created_at = ? where id = ?")
                    .params(clock.instant().minus(Duration.ofDays(r.nextInt(365))), i.id())
                    .update();
        }
    }

    List<String> tags() {
        return List.of(TAGS);
    }
}
