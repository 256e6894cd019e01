package de.kontor;

import de.kontor.access.AccessService;
import de.kontor.base.mail.MailOutbox;
import de.kontor.base.mail.OutgoingMail;
import de.kontor.base.prefs.PreferenceService;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import de.kontor.kiosk.KioskModel.KioskDraft;
import de.kontor.kiosk.KioskModel.Privacy;
import de.kontor.kiosk.KioskService;
import de.kontor.lead.LeadModel.ActivityDraft;
import de.kontor.lead.LeadModel.ActivityKind;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Type;
import de.kontor.lead.LeadService;
import de.kontor.license.ClientMessages.ActivateRequest;
import de.kontor.license.ClientMessages.FingerprintData;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.Channel;
import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseService;
import de.kontor.license.LicenseTerms;
import de.kontor.license.Product;
import de.kontor.license.ProductTerms;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringService;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every desktop grid at 1440×900 with the menu drawer open, in German (the longer words) and English, with
 * long names, keys and addresses: no column header is cut, no cell is cut except in the grid's one name
 * column (marked by {@code Grids.name}), row actions lie inside the grid's visible box, and no grid scrolls
 * sideways. Measured in the browser; screenshots of every view in {@code target/screenshots/gridfit-*}.
 */
class GridFitBrowserTest extends IntegrationTest {

    private static final String PASSWORD = "Grid-Fit-Passw0rd-Long";

    /**
     * Runs in the page, returns one sentence per defect. A cell is cut when an element in it (shadow roots
     * included) clips its content: overflow not visible and a scroll width above its client width.
     */
    /**
     * The top bar stays one line: a long view title (a lead's or customer's name) is cut, it does not push the
     * user menu into its overflow button or onto a second line.
     */
    private static final String TOP_BAR = """
            const out = [];
            const title = document.querySelector('.kontor-view-title');
            const menu = document.querySelector('#user-menu');
            if (!title || !menu) return out;
            const t = title.getBoundingClientRect(), m = menu.getBoundingClientRect();
            if (t.height > 2 * parseFloat(getComputedStyle(title).lineHeight) - 1 || Math.abs(t.top - m.top) > t.height)
                out.push('top bar wraps (title ' + Math.round(t.height) + ' px high)');
            const overflow = menu.querySelector('[slot="overflow"]') || menu.shadowRoot?.querySelector('[part~="overflow-button"]');
            if (overflow && !overflow.hasAttribute('hidden') && overflow.getBoundingClientRect().width > 0)
                out.push('user menu folded into "…"');
            if (m.right > document.documentElement.clientWidth + 1) out.push('user menu outside the window');
            return out;
            """;

    private static final String MEASURE = """
            const out = [];
            const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
                && e.checkVisibility(); };
            // an input field scrolls its text by design: it is no cut cell
            const field = el => /^(input|textarea|vaadin-.*-(field|picker|area|box)|vaadin-select)$/.test(el.localName);
            const deep = (el, f) => { if (field(el)) return; f(el);
                if (el.shadowRoot) for (const c of el.shadowRoot.children) deep(c, f);
                for (const c of el.children) deep(c, f); };
            const cut = el => { let hit = false; deep(el, e => { if (hit || e.clientWidth === 0) return;
                const s = getComputedStyle(e);
                if (s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) hit = true; }); return hit; };
            const content = cell => cell._content
                || (cell.querySelector('slot') && cell.querySelector('slot').assignedElements()[0]);
            const text = el => (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim();
            const grids = [...document.querySelectorAll('vaadin-grid')].filter(visible);
            grids.forEach((g, i) => {
              const columns = [...g.querySelectorAll('vaadin-grid-column')].filter(c => !c.hidden);
              const labels = new Map();
              for (const th of g.$.header.querySelectorAll('th')) {
                const c = th._column && columns.includes(th._column) ? content(th) : null;
                if (c) labels.set(th._column, text(c));
              }
              const name = (g.id || 'grid ' + (i + 1)) + ' [' + columns.map(c => labels.get(c) || '?').join(' | ') + ']';
              const t = g.$.table;
              if (t.scrollWidth > t.clientWidth + 1) {
                out.push(name + ': scrolls sideways (' + t.scrollWidth + ' px in ' + t.clientWidth + ' px)');
              }
              for (const th of g.$.header.querySelectorAll('th')) {
                const c = th._column && columns.includes(th._column) ? content(th) : null;
                if (c && cut(c)) out.push(name + ': header "' + text(c) + '" is cut');
              }
              const box = t.getBoundingClientRect();
              const left = box.left, right = box.left + t.clientWidth;
              const cutColumns = new Map();
              for (const tr of g.$.items.querySelectorAll('tr')) {
                if (tr.hidden) continue;
                for (const td of tr.querySelectorAll('td')) {
                  const col = td._column;
                  const c = col && columns.includes(col) ? content(td) : null;
                  if (!c) continue;
                  if (!col.hasAttribute('kontor-fill') && cut(c) && !cutColumns.has(col)) cutColumns.set(col, text(c));
                  const cell = td.getBoundingClientRect();
                  for (const b of c.querySelectorAll('vaadin-button, vaadin-menu-bar, button')) {
                    const r = b.getBoundingClientRect();
                    if (r.width === 0) continue;
                    if (r.left < Math.max(left, cell.left) - 1 || r.right > Math.min(right, cell.right) + 1) {
                      out.push(name + ': action "' + (text(b) || b.getAttribute('aria-label') || b.title || '?')
                        + '" in column "' + (labels.get(col) || '?') + '" is out of sight');
                      return;
                    }
                  }
                }
              }
              cutColumns.forEach((example, col) =>
                  out.push(name + ': cells of "' + (labels.get(col) || '?') + '" are cut, e.g. "' + example + '"'));
            });
            return out;""";

    /** Changes while the grids still load or size their columns; the same twice in a row when they are done. */
    private static final String SETTLED = """
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
            if (!clients || Object.values(clients).some(c => c.isActive && c.isActive())) return null;
            if (!document.querySelector('vaadin-app-layout')) return null;
            const grids = [...document.querySelectorAll('vaadin-grid')]
                .filter(g => g.getBoundingClientRect().width > 0);
            if (grids.some(g => g.loading)) return null;
            return location.pathname + location.search + grids.map(g => g.size + ':' + g.$.table.scrollWidth + ':'
                + [...g.querySelectorAll('vaadin-grid-column')].map(c => c.width).join(',')).join('|');""";

    @Autowired
    UserService users;

    @Autowired
    PreferenceService preferences;

    @Autowired
    CustomerService customers;

    @Autowired
    LicenseService licenses;

    @Autowired
    LeadService leads;

    @Autowired
    AccessService access;

    @Autowired
    MailOutbox mails;

    @Autowired
    TallyService tally;

    @Autowired
    KioskService kiosks;

    @Autowired
    MonitoringService monitoring;

    /** What the views show: made here, long and unique. */
    private record Data(
            String username,
            Customer customer,
            License license,
            Product product,
            Institution lead,
            long person,
            long node) {}

    @Test
    void everyGridFitsItsColumnsAt1440InGermanAndEnglish() throws Exception {
        Data data = longData();
        List<String> problems = new ArrayList<>();
        // GRIDFIT_VIEWS=customers,licenses measures only those while working on them
        List<String> only = List.of(Objects.requireNonNullElse(System.getenv("GRIDFIT_VIEWS"), "")
                        .split(","))
                .stream()
                .filter(v -> !v.isBlank())
                .toList();
        for (Locale language : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            preferences.saveLocale(data.username(), language);
            try (Browser chromium = Browser.start(1440, 900, language.getLanguage(), "--force-device-scale-factor=1")) {
                signIn(chromium, data.username());
                for (Map.Entry<String, String> view : views(data).entrySet()) {
                    if (!only.isEmpty() && !only.contains(view.getKey())) {
                        continue;
                    }
                    problems.addAll(measure(chromium, language, view.getKey(), view.getValue()));
                }
                problems.addAll(licenseListWithPanel(chromium, language, data));
            }
        }
        assertThat(problems)
                .as("grids that cut, hide actions or scroll sideways")
                .isEmpty();
    }

    /**
     * Label (screenshot name) and address of every view with grids; tabs are walked through on each. The node
     * page shows its grids (containers, files, updates, users) only once the agent reported; it is measured
     * when it has any.
     */
    private static Map<String, String> views(Data d) {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("customers", "/customers");
        views.put("customer", "/customers/" + d.customer().getId());
        views.put("licenses", "/licenses?customer=" + d.customer().getId());
        views.put("license", "/licenses/" + d.license().getId());
        views.put("products", "/products");
        views.put("product", "/products/" + d.product().getId());
        views.put("modules", "/modules");
        views.put("leads", "/leads");
        views.put("lead", "/leads/" + d.lead().id());
        views.put("tasks", "/leads/tasks");
        views.put("lead-tags", "/leads/tags");
        views.put("users", "/users");
        views.put("sessions", "/sessions");
        views.put("api-tokens", "/api-tokens");
        views.put("audit", "/audit");
        views.put("mail-outbox", "/mail-outbox");
        views.put("settings", "/settings");
        views.put("blocked-addresses", "/blocked-addresses");
        views.put("backups", "/backups");
        views.put("tally", "/tally");
        views.put("tally-person", "/tally/person/" + d.person());
        views.put("tally-api-users", "/tally/api-users");
        views.put("tally-resets", "/tally/resets");
        views.put("printers", "/printers");
        views.put("reservations", "/reservations");
        views.put("kiosks", "/kiosks");
        views.put("nodes", "/monitoring");
        views.put("node", "/monitoring/node/" + d.node());
        views.put("alerts", "/monitoring/alerts");
        views.put("alert-rules", "/monitoring/rules");
        views.put("channels", "/monitoring/channels");
        return views;
    }

    private void signIn(Browser chromium, String username) {
        WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(60));
        chromium.driver().get(baseUrl() + "/login");
        wait.until(d -> !chromium.loginInputs().isEmpty());
        chromium.fillLogin(username, PASSWORD);
        wait.until(d -> !d.getCurrentUrl().contains("/login")
                && !d.findElements(By.cssSelector("vaadin-app-layout")).isEmpty());
    }

    /** Opens a view, measures its visible grids, then those on each further tab. */
    private List<String> measure(Browser chromium, Locale language, String label, String path) throws Exception {
        List<String> problems = new ArrayList<>();
        String prefix = language.getLanguage() + " " + label;
        try {
            chromium.driver().get(baseUrl() + path);
            settle(chromium);
            if (System.getenv("GRIDFIT_RECALC") != null) {
                run(chromium, "document.querySelectorAll('vaadin-grid').forEach(g => g.recalculateColumnWidths());");
                settle(chromium);
            }
            problems.addAll(prefixed(prefix, run(chromium, MEASURE)));
            problems.addAll(prefixed(prefix, run(chromium, TOP_BAR)));
            long grids = shownGrids(chromium);
            showFirstGrid(chromium);
            chromium.screenshot("gridfit-" + language.getLanguage() + "-" + label);
            long tabs = (Long) run(chromium, "return document.querySelectorAll('vaadin-tabsheet vaadin-tab').length;");
            for (int tab = 1; tab < tabs; tab++) {
                Object name = run(
                        chromium,
                        "const t = document.querySelectorAll('vaadin-tabsheet vaadin-tab')[arguments[0]];"
                                + " t.click(); return t.textContent.trim();",
                        tab);
                settle(chromium);
                problems.addAll(prefixed(prefix + " tab \"" + name + "\"", run(chromium, MEASURE)));
                grids += shownGrids(chromium);
                showFirstGrid(chromium);
                chromium.screenshot("gridfit-" + language.getLanguage() + "-" + label + "-tab" + tab);
            }
            if (grids == 0 && !label.equals("node")) {
                problems.add(prefix + ": shows no grid (not measured)");
            }
        } catch (RuntimeException e) {
            problems.add(prefix + ": could not be measured: " + e);
        }
        return problems;
    }

    /** The license list with the quick edit panel beside it: the grid gets narrower. */
    private List<String> licenseListWithPanel(Browser chromium, Locale language, Data data) throws Exception {
        String prefix = language.getLanguage() + " licenses with panel";
        try {
            chromium.driver()
                    .get(baseUrl() + "/licenses?customer=" + data.customer().getId());
            settle(chromium);
            run(
                    chromium,
                    "[...document.querySelectorAll('#licenses-grid vaadin-grid-cell-content')]"
                            + ".find(c => c.textContent.includes(arguments[0])).click();",
                    data.license().getKey());
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(d -> (Boolean) run(
                    chromium,
                    "const p = document.querySelector('.kontor-split > :not(vaadin-grid)');"
                            + " return !!p && p.getBoundingClientRect().width > 0;"));
            settle(chromium);
            List<String> problems = prefixed(prefix, run(chromium, MEASURE));
            chromium.screenshot("gridfit-" + language.getLanguage() + "-licenses-panel");
            return problems;
        } catch (RuntimeException e) {
            return List.of(prefix + ": could not be measured: " + e);
        }
    }

    /** Scrolls a grid below the fold (on a page with cards above it) into the screenshot. */
    private static void showFirstGrid(Browser chromium) {
        run(
                chromium,
                "const g = [...document.querySelectorAll('vaadin-grid')]"
                        + ".find(g => g.getBoundingClientRect().width > 0);"
                        + " if (g && g.getBoundingClientRect().top > innerHeight / 2) g.scrollIntoView({block: 'center'});");
    }

    private static long shownGrids(Browser chromium) {
        return (Long) run(
                chromium,
                "return [...document.querySelectorAll('vaadin-grid')]"
                        + ".filter(g => g.getBoundingClientRect().width > 0).length;");
    }

    private static void settle(Browser chromium) {
        AtomicReference<Object> last = new AtomicReference<>();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(60), Duration.ofMillis(400)).until(d -> {
            Object now = run(chromium, SETTLED);
            return now != null && now.equals(last.getAndSet(now));
        });
    }

    private static Object run(Browser chromium, String script, Object... arguments) {
        return ((JavascriptExecutor) chromium.driver()).executeScript(script, arguments);
    }

    private static List<String> prefixed(String prefix, Object found) {
        return ((List<?>) found).stream().map(p -> prefix + ": " + p).toList();
    }

    /** Names as long as real ones get: firms with legal forms, schools with towns, long addresses. */
    private Data longData() {
        String marker = unique("Fit");
        String username = "gridfit." + marker.toLowerCase(Locale.ROOT);
        users.createUser(new NewUser(
                username,
                "Maximiliane Schönberger-Wittgenstein",
                "maximiliane.schoenberger-wittgenstein@werkstatt-beispiel.example",
                Set.of(Role.ADMIN),
                PASSWORD));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            Customer customer = customers.create(new CustomerData(
                    "Schreinerei & Holzwerkstatt Müller-Lüdenscheidt GmbH & Co. KG " + marker,
                    "Friederike Müller-Lüdenscheidt",
                    "friederike.mueller-luedenscheidt@holzwerkstatt-beispiel.example",
                    "+49 221 123456789",
                    "Friedrich-Ebert-Straße 123",
                    "50667",
                    "Freiburg im Breisgau",
                    "DE",
                    null,
                    null,
                    Set.of("Handwerk", "Premium-Kunde")));
            Product product = licenses.createProduct(
                    ("FIT" + marker.replaceAll("[^A-Za-z0-9]", "")).toUpperCase(Locale.ROOT),
                    new ProductTerms(
                            "Kontor Konstruktionsstudio Professional " + marker,
                            "3.0.0",
                            MatchRule.TWO_OF_THREE,
                            15,
                            7,
                            Backend.KEY));
            licenses.addRelease(
                    product.getId(),
                    "3.2.1",
                    Channel.STABLE,
                    LocalDate.now(clock).minusMonths(1),
                    "Schnellerer Export nach STEP und neue Skizzen-Engine für Baugruppen",
                    "https://downloads.example/konstruktionsstudio/3.2.1");
            licenses.createClientKey(product.getId(), "Konstruktionsstudio Professional 3.x " + marker);
            License license = licenses.createLicense(
                    product.getId(),
                    customer.getId(),
                    new LicenseTerms(
                            LicenseType.SUBSCRIPTION,
                            LocalDate.now(clock).minusDays(30),
                            LocalDate.now(clock).plusYears(1),
                            5,
                            Set.of("export-step", "rendering-premium"),
                            Map.of("projects", 250L),
                            null));
            licenses.activate(
                    product.getId(),
                    new ActivateRequest(
                            license.getKey(),
                            new FingerprintData(
                                    "02:00:5e:10:00:01",
                                    "BFEBFBFF000906EA",
                                    "4c4c4544-0042-3510-8052-b7c04f4d3232",
                                    "werkstatt-konstruktion-arbeitsplatz-07.holzwerkstatt.lan"),
                            "3.2.1"));
            Institution lead = leads.create(new InstitutionDraft(
                    "Städtisches Gymnasium am Sonnenberg Bergisch Gladbach " + marker,
                    Type.SCHOOL,
                    "Friedrich-Ebert-Straße 123",
                    "51429",
                    "Bergisch Gladbach",
                    "DE",
                    "https://www.gymnasium-am-sonnenberg-bergisch-gladbach.example",
                    "02202 1234567",
                    "sekretariat@gymnasium-am-sonnenberg-bergisch-gladbach.example",
                    Status.QUALIFIED,
                    "Tag der offenen Tür",
                    username,
                    Set.of()));
            leads.addContact(
                    lead.id(),
                    new ContactDraft(
                            "Dr. Friederike Müller-Lüdenscheidt",
                            "Fachbereichsleitung Naturwissenschaften",
                            "friederike.mueller-luedenscheidt@gymnasium-am-sonnenberg.example",
                            "02202 1234567",
                            null,
                            true));
            leads.addActivity(
                    lead.id(),
                    new ActivityDraft(
                            ActivityKind.TASK,
                            "Angebot für den Robotik-Workshop der Oberstufe nachfassen",
                            null,
                            LocalDate.now(clock).plusDays(3),
                            username));
            leads.createTag("Förderverein-Kooperation " + marker.substring(marker.length() - 5), "#336699");
            access.block(
                    "198.51.100." + (1 + Math.floorMod(marker.hashCode(), 250)),
                    null,
                    "Wiederholte fehlgeschlagene Anmeldungen aus dem Gästenetz der Werkstatt",
                    null);
            mails.queue(new OutgoingMail(
                    "tally",
                    "BOOKING",
                    "maximiliane.schoenberger-wittgenstein@werkstatt-beispiel.example",
                    "Deine Buchung über 12,50 € für Filament PETG schwarz wurde gebucht",
                    "Hallo"));
            PersonDetails person = tally.createPerson(new NewPerson(
                    null,
                    "Maximiliane",
                    "Schönberger-Wittgenstein " + marker,
                    "maximiliane.schoenberger-wittgenstein@werkstatt-beispiel.example",
                    null));
            tally.addBooking(person.id(), -1250, "Filament PETG schwarz, 1 kg Spule für den Prusa MK4");
            tally.createApiUser("Kassenterminal Werkstatt Erdgeschoss " + marker);
            kiosks.create(new KioskDraft(
                    "Anzeigetafel Werkstatt Eingangsbereich " + marker,
                    "Erdgeschoss, neben der Garderobe",
                    Privacy.NONE,
                    null,
                    null,
                    null));
            long node = monitoring
                    .addNode(new NewNode("werkstatt-server-konstruktion-" + marker.toLowerCase(Locale.ROOT), List.of()))
                    .nodeId();
            return new Data(username, customer, license, product, lead, person.id(), node);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
