package de.kontor.customer;

import de.kontor.base.demo.DemoContext;
import de.kontor.base.demo.DemoData;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** A few hundred plausible customers: workshops, schools, clubs and private makers across Germany and beyond. */
@Component
class CustomerDemoData implements DemoData {

    static final int COUNT = 320;

    private record Place(String postalCode, String city, String country) {}

    private static final List<Place> PLACES = List.of(
            new Place("10115", "Berlin", "DE"),
            new Place("20095", "Hamburg", "DE"),
            new Place("80331", "München", "DE"),
            new Place("50667", "Köln", "DE"),
            new Place("60311", "Frankfurt am Main", "DE"),
            new Place("70173", "Stuttgart", "DE"),
            new Place("40213", "Düsseldorf", "DE"),
            new Place("04109", "Leipzig", "DE"),
            new Place("01067", "Dresden", "DE"),
            new Place("30159", "Hannover", "DE"),
            new Place("90403", "Nürnberg", "DE"),
            new Place("28195", "Bremen", "DE"),
            new Place("44135", "Dortmund", "DE"),
            new Place("45127", "Essen", "DE"),
            new Place("48143", "Münster", "DE"),
            new Place("79098", "Freiburg im Breisgau", "DE"),
            new Place("69117", "Heidelberg", "DE"),
            new Place("24103", "Kiel", "DE"),
            new Place("18055", "Rostock", "DE"),
            new Place("99084", "Erfurt", "DE"),
            new Place("93047", "Regensburg", "DE"),
            new Place("97070", "Würzburg", "DE"),
            new Place("37073", "Göttingen", "DE"),
            new Place("66111", "Saarbrücken", "DE"),
            new Place("1010", "Wien", "AT"),
            new Place("5020", "Salzburg", "AT"),
            new Place("8001", "Zürich", "CH"),
            new Place("3011", "Bern", "CH"),
            new Place("1012", "Amsterdam", "NL"),
            new Place("1000", "Bruxelles", "BE"),
            new Place("00-001", "Warszawa", "PL"),
            new Place("110 00", "Praha", "CZ"),
            new Place("1050", "København", "DK"));

    private static final List<String> TRADES = List.of(
            "Holzwerkstatt",
            "Metallbau",
            "Maschinenbau",
            "Elektrotechnik",
            "Feinmechanik",
            "Modellbau",
            "Kunststofftechnik",
            "Messtechnik",
            "Automatisierung",
            "Prototypenbau",
            "Medientechnik",
            "Laser & Schnitt",
            "Drucktechnik",
            "Robotik",
            "Gerätebau");
    private static final List<String> FAMILY = List.of(
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Schulz",
            "Hoffmann",
            "Koch",
            "Bauer",
            "Richter",
            "Klein",
            "Wolf",
            "Schröder",
            "Neumann",
            "Schwarz",
            "Zimmermann",
            "Braun",
            "Krüger",
            "Hofmann",
            "Hartmann",
            "Lange",
            "Schmitt",
            "Werner",
            "Krause",
            "Meier",
            "Lehmann",
            "Schmid",
            "Öztürk",
            "Yılmaz",
            "Kowalski",
            "Nowak",
            "Rossi",
            "Dubois");
    private static final List<String> GIVEN = List.of(
            "Anna", "Lena", "Marie", "Sophie", "Emma", "Mia", "Hannah", "Laura", "Julia", "Lea", "Paul", "Lukas",
            "Felix", "Jonas", "Leon", "Finn", "Elias", "Noah", "Ben", "Max", "Jörg", "Günther", "Björn", "Zoë", "Ayşe",
            "Mehmet", "Piotr", "Giulia");
    private static final List<String> FORMS =
            List.of("GmbH", "GmbH & Co. KG", "e.K.", "KG", "AG", "UG (haftungsbeschränkt)");
    private static final List<String> CLUBS =
            List.of("Makerspace", "FabLab", "Repair-Café", "Hackerspace", "Offene Werkstatt");
    private static final List<String> SCHOOLS =
            List.of("Gymnasium", "Gesamtschule", "Berufskolleg", "Realschule", "Technische Hochschule");
    private static final List<String> STREETS = List.of(
            "Hauptstraße",
            "Schulstraße",
            "Gartenstraße",
            "Bahnhofstraße",
            "Dorfstraße",
            "Bergstraße",
            "Lindenstraße",
            "Industriestraße",
            "Am Markt",
            "Werkstattweg",
            "Mühlenweg",
            "Friedrich-Ebert-Straße",
            "Goethestraße",
            "Schillerplatz",
            "Kirchgasse");
    private static final List<String> TAGS = List.of(
            "Schule",
            "Verein",
            "Industrie",
            "Handwerk",
            "Privat",
            "Reseller",
            "Premium",
            "Bildung",
            "Startup",
            "Öffentlich");

    private final CustomerService customers;

    CustomerDemoData(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public String name() {
        return "customer";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load(DemoContext context) {
        Random random = context.random();
        for (int i = 0; i < COUNT; i++) {
            customers.create(customer(random, i));
        }
    }

    private static CustomerData customer(Random r, int i) {
        Place place = pick(r, PLACES);
        String family = pick(r, FAMILY);
        String given = pick(r, GIVEN);
        Set<String> tags = new TreeSet<>();
        String name;
        String domain;
        int kind = r.nextInt(10);
        if (kind < 5) {
            String trade = pick(r, TRADES);
            name = family + " " + trade + " " + pick(r, FORMS);
            domain = slug(family + "-" + trade) + ".example";
            tags.add(r.nextBoolean() ? "Industrie" : "Handwerk");
        } else if (kind < 7) {
            name = pick(r, CLUBS) + " " + place.city() + " e.V.";
            domain = slug(name) + ".example";
            tags.add("Verein");
        } else if (kind < 9) {
            name = pick(r, SCHOOLS) + " " + place.city() + (r.nextBoolean() ? "-Mitte" : "-Nord");
            domain = slug(name) + ".example";
            tags.add("Schule");
            tags.add("Bildung");
        } else {
            name = given + " " + family;
            domain = "mail.example";
            tags.add("Privat");
        }
        if (r.nextInt(4) == 0) {
            tags.add(pick(r, TAGS));
        }
        CustomerData data = new CustomerData();
        data.setName(name);
        data.setContactPerson(kind == 9 ? null : given + " " + family);
        data.setEmail(kind == 9 ? slug(given) + "." + slug(family) + i + "@" + domain : "kontakt" + i + "@" + domain);
        data.setPhone(phone(r, place.country()));
        data.setStreet(pick(r, STREETS) + " " + (1 + r.nextInt(120)));
        data.setPostalCode(place.postalCode());
        data.setCity(place.city());
        data.setCountry(place.country());
        if (kind < 5 && "DE".equals(place.country())) {
            data.setVatId("DE" + (100_000_000 + r.nextInt(899_999_999)));
        }
        if (r.nextInt(6) == 0) {
            data.setNotes(pick(
                    r,
                    List.of(
                            "Rechnung bitte per E-Mail.",
                            "Bevorzugt Termine am Vormittag.",
                            "Ansprechpartner wechselt im Sommer.",
                            "Rahmenvertrag bis Ende des Jahres.",
                            "Schulungen für neue Mitarbeitende gewünscht.")));
        }
        data.setTags(tags);
        return data;
    }

    private static String phone(Random r, String country) {
        String prefix = switch (country) {
            case "AT" -> "+43 ";
            case "CH" -> "+41 ";
            case "NL" -> "+31 ";
            case "BE" -> "+32 ";
            case "PL" -> "+48 ";
            case "CZ" -> "+420 ";
            case "DK" -> "+45 ";
            default -> "+49 ";
        };
        return prefix + (30 + r.nextInt(900)) + " " + (100_000 + r.nextInt(8_999_999));
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static String slug(String s) {
        return Normalizer.normalize(s.replace("ß", "ss"), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
