package de.kontor;

import de.kontor.agent.Agent;
import de.kontor.agent.AgentConfig;
import de.kontor.base.i18n.KontorI18NProvider;
import de.kontor.monitoring.MonitoringModel.IssuedNodeToken;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringModel.NodeStatus;
import de.kontor.monitoring.MonitoringService;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterService;
import de.kontor.printer.plug.sim.P110Emulator;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyService;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin views used on the go, in headless Chromium at 390×844 (a phone) in English and German: the
 * page never scrolls sideways and what a view is about (name, balance, state, the main action) stands whole
 * inside the window. Screenshots: {@code target/screenshots/phone-*.png}.
 */
class PhoneLayoutBrowserTest extends IntegrationTest {

    /**
     * Why {@code arguments[1]} cannot be read inside the element matching the selector {@code arguments[0]}:
     * empty when some element there showing it lies whole inside the window and inside every ancestor that
     * clips (grid cells, scrollers), else what is wrong with each.
     */
    static final String WHOLE = """
            const scope = document.querySelector(arguments[0]);
            const want = arguments[1];
            if (!scope) return 'no ' + arguments[0];
            function* walk(root) {
              for (const el of root.querySelectorAll('*')) {
                yield el;
                if (el.shadowRoot) yield* walk(el.shadowRoot);
              }
            }
            const up = n => n.assignedSlot || n.parentElement
                || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null);
            function problem(el) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) return 'not shown';
              if (r.left < -1 || r.right > innerWidth + 1) return 'outside the window (' + r.left + '..' + r.right + ')';
              if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) return 'cut off in itself';
              for (let a = up(el); a && a !== document.documentElement; a = up(a)) {
                if (!(a instanceof Element)) continue;
                const s = getComputedStyle(a);
                if (s.display === 'contents' || s.overflowX === 'visible') continue;
                const b = a.getBoundingClientRect();
                if (r.left < b.left - 1 || r.right > b.right + 1) {
                  return 'cut off by ' + a.tagName.toLowerCase() + (a.id ? '#' + a.id : '');
                }
              }
              return '';
            }
            const found = [];
            for (const el of [scope, ...walk(scope)]) {
              if (['TITLE', 'SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName)) continue;
              if (!(el.textContent || '').includes(want)) continue;
              if ([...el.children].some(c => (c.textContent || '').includes(want))) continue;
              found.push(el);
            }
            if (found.length === 0) return 'no element shows it';
            const problems = found.map(problem);
            return problems.includes('') ? '' : problems.join('; ');
            """;

    /** Elements that scroll sideways (the page itself or a grid's table): none on a phone. */
    static final String SIDEWAYS = """
            const out = [];
            const root = document.scrollingElement;
            if (root.scrollWidth > innerWidth) out.push('page ' + root.scrollWidth + ' > ' + innerWidth);
            function* walk(r) {
              for (const el of r.querySelectorAll('*')) {
                yield el;
                if (el.shadowRoot) yield* walk(el.shadowRoot);
              }
            }
            for (const el of walk(document)) {
              const s = getComputedStyle(el);
              if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.clientWidth > 0
                  && el.scrollWidth > el.clientWidth + 1) {
                const host = el.getRootNode().host;
                out.push((host ? host.tagName.toLowerCase() + (host.id ? '#' + host.id : '') + ' > ' : '')
                    + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + el.scrollWidth + ' > ' + el.clientWidth);
              }
            }
            // once something scrolls: what sticks out of the window (the outermost such element), to say what to fix
            if (out.length === 0) return out;
            const up = n => n.assignedSlot || n.parentElement
                || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null);
            const wide = el => el.getBoundingClientRect().right > innerWidth + 1;
            for (const el of walk(document)) {
              if (out.length > 8) break;
              const parent = up(el);
              if (wide(el) && el.getClientRects().length && parent && !wide(parent)) {
                out.push('sticks out: ' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.className && el.className.baseVal === undefined ? '.' + el.className : '')
                    + ' to ' + Math.round(el.getBoundingClientRect().right));
              }
            }
            return out;
            """;

    @Autowired
    TallyService tally;

    @Autowired
    MonitoringService monitoring;

    @Autowired
    PrinterService printers;

    @Autowired
    KontorI18NProvider i18n;

    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<P110Emulator> plugs = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    Browser browser;
    Agent agent;
    Locale locale;
    String language;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (agent != null) {
            agent.close();
        }
        plugs.forEach(P110Emulator::close);
        threads.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void theAdminViewsFitAPhone(String languageTag) throws Exception {
        locale = Locale.forLanguageTag(languageTag);
        language = locale.getLanguage();
        String currency = tally.settings().currency();
        PersonDetails person = asAdmin(() -> tally.createPerson(
                new NewPerson(null, "Maximiliane", unique("Sonnenschein"), unique("maxi") + "@example.org", null)));
        asAdmin(() -> tally.addBooking(person.id(), 120, "Einzahlung"));
        asAdmin(() -> tally.addBooking(person.id(), -3, "Mate " + person.lastName()));
        String balance = "117 " + currency;
        // other tests leave many nodes behind: a name that sorts first keeps this one in the rows shown first
        String node = unique("0-werkstatt-server");
        IssuedNodeToken token = asAdmin(() -> monitoring.addNode(new NewNode(node, List.of("keller"))));
        long nodeId = token.nodeId();
        // a real agent on this machine: the node page shows its charts and inventory (processes, ports, facts)
        agent = new Agent(AgentConfig.of(URI.create(baseUrl()), token.token(), Duration.ofSeconds(1))
                .withInventory(Duration.ofMinutes(1), null, Map.of("PATH", "/usr/bin:/bin")));
        agent.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> asAdmin(() -> monitoring.node(nodeId)).summary().status() == NodeStatus.ONLINE);
        Printer printer = asAdmin(this::printer);
        Instant start = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        String print = unique("Schachfiguren für den Jugendtreff");
        asAdmin(() -> printers.reserve(printer.id(), start, start.plus(Duration.ofHours(3)), print));

        browser = Browser.phone(390, 844, languageTag);
        browser.signIn(baseUrl(), ADMIN, ADMIN_PASSWORD);

        browser.driver().get(baseUrl() + "/tally");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !browser.driver()
                        .findElements(By.cssSelector("#tally-search input"))
                        .isEmpty());
        browser.driver().findElement(By.cssSelector("#tally-search input")).sendKeys(person.lastName());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Long.valueOf(1).equals(browser.script("return document.getElementById('tally-persons').size")));
        fits("tally", in("#tally-persons", person.lastName()), in("#tally-persons", balance));

        browser.driver().get(baseUrl() + "/tally/person/" + person.id());
        fits(
                "tally-person",
                in("#tally-person-title", person.lastName()),
                in("#tally-balance", balance),
                in("#tally-book", text("tally.book")),
                in("#tally-ledger", "Mate " + person.lastName()),
                in("#tally-ledger", "-3 " + currency));

        browser.driver().get(baseUrl() + "/monitoring");
        fits(
                "nodes",
                in("#nodes-grid", node),
                in("#nodes-grid", text("monitoring.status.ONLINE")),
                in("#node-archive-" + nodeId, text("monitoring.archive")));

        browser.driver().get(baseUrl() + "/monitoring/node/" + nodeId);
        // a node's inventory tables (processes, ports, storage) leave their detail columns out on a phone
        fits("node", in("#node-title", node), in("#node-view", text("monitoring.status.ONLINE")));

        browser.driver().get(baseUrl() + "/printers/" + printer.id());
        fits(
                "printer",
                in("#printer-title", printer.name()),
                in("#printer-state", text("printer.state.ON")),
                in("#printer-power-" + printer.id(), text("printer.off")),
                in("#printer-reservations", print));
        assertThat(failures).isEmpty();
    }

    /** A text expected inside the element a CSS selector finds. */
    record Shown(String scope, String text) {}

    static Shown in(String scope, String text) {
        return new Shown(scope, text);
    }

    /** The view shows every one of {@code texts} whole, and nothing scrolls sideways; else noted in failures. */
    private void fits(String view, Shown... texts) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (Shown shown : texts) {
                    assertThat(browser.script(WHOLE, shown.scope(), shown.text()))
                            .as("%s: \"%s\" in %s", view, shown.text(), shown.scope())
                            .isEqualTo("");
                }
                assertThat((List<?>) browser.script(SIDEWAYS))
                        .as("%s: scrolls sideways", view)
                        .isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            failures.add(e.getMessage());
        } finally {
            browser.screenshot("phone-" + view + "-" + language);
        }
    }

    private String text(String key) {
        return i18n.getTranslation(key, locale);
    }

    private Printer printer() {
        P110Emulator plug = P110Emulator.start("phone@example.org", "Plug-Pw-1", "Phone", clock, threads, 40);
        plugs.add(plug);
        plug.press(true);
        Printer created = printers.create(new PrinterDraft(
                unique("Prusa MK4 am Fenster"),
                "MK4",
                "Werkstatt",
                plug.host(),
                plug.port(),
                "phone@example.org",
                "Plug-Pw-1",
                10,
                5,
                true,
                null));
        printers.poll();
        return created;
    }

    private <T> T asAdmin(Supplier<T> work) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
