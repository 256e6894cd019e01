package de.kontor.base.modules;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.base.error.DomainException;
import de.kontor.base.settings.AppSettings;
import de.kontor.printer.TestPlugs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Modules switched off over REST: their APIs answer 404, their jobs pause; configuration fixes a switch. */
class ModuleSwitchesTest extends IntegrationTest {

    @Autowired
    ModuleSwitches switches;

    @Autowired
    AppSettings settings;

    @Autowired
    ObjectProvider<Scheduler> scheduler;

    HttpClientSupport http;
    String admin;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        admin = http.token(ADMIN, ADMIN_PASSWORD);
    }

    @AfterEach
    void switchEverythingBackOn() {
        TestPlugs.asAdmin();
        for (ModuleSwitches.Module m : ModuleSwitches.Module.values()) {
            switches.set(m.key(), true);
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void aModuleSwitchedOffOverRestAnswers404UntilSwitchedOnAgain() {
        assertThat(http.get("/api/leads", admin).status()).isEqualTo(200);

        Response off = http.putJson("/api/admin/settings", Map.of("modules", Map.of("leads", false)), admin);

        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json()
                        .path("modules")
                        .valueStream()
                        .filter(m -> m.path("module").asString().equals("leads"))
                        .findFirst()
                        .orElseThrow()
                        .path("source")
                        .asString())
                .isEqualTo("SETTING");
        Response leads = http.get("/api/leads", admin);
        assertThat(leads.status()).isEqualTo(404);
        assertThat(leads.json().path("code").asString()).isEqualTo("MODULE_DISABLED");
        assertThat(http.get("/api/customers", admin).status())
                .as("other modules stay on")
                .isEqualTo(200);

        http.putJson("/api/admin/settings", Map.of("modules", Map.of("leads", true)), admin);
        assertThat(http.get("/api/leads", admin).status()).isEqualTo(200);
    }

    @Test
    void theRiskyOptionsAreListedWithValueAndSource() {
        Response answer = http.get("/api/admin/settings", admin);

        assertThat(answer.status()).isEqualTo(200);
        var options = answer.json().path("options");
        assertThat(options.valueStream().map(o -> o.path("name").asString()))
                .contains(
                        "security.remember-me",
                        "security.two-factor-required-for-admins",
                        "tally.self-registration",
                        "tally.api-at-root");
        var rememberMe = options.valueStream()
                .filter(o -> o.path("name").asString().equals("security.remember-me"))
                .findFirst()
                .orElseThrow();
        assertThat(rememberMe.path("value").asString()).isEqualTo("false");
        assertThat(rememberMe.path("source").asString()).isEqualTo("default");
        assertThat(answer.json().path("modules").size()).isEqualTo(ModuleSwitches.Module.values().length);
    }

    @Test
    void aSwitchMadeOnAnotherNodeCountsHereOnceTheFiveSecondsOfTheCacheHavePassed() {
        TestPlugs.asAdmin();
        switches.set("kiosks", true);
        assertThat(switches.enabled(ModuleSwitches.Module.KIOSKS)).isTrue();

        // Another node writes the setting; this node's cache does not know yet.
        settings.set("base", "module.kiosks.enabled", "false");
        clock.advance(Duration.ofSeconds(4));
        assertThat(switches.enabled(ModuleSwitches.Module.KIOSKS)).isTrue();

        clock.advance(Duration.ofSeconds(2));
        assertThat(switches.enabled(ModuleSwitches.Module.KIOSKS)).isFalse();
    }

    @Test
    void anUnknownModuleIsAFieldError() {
        Response answer = http.putJson("/api/admin/settings", Map.of("modules", Map.of("payroll", false)), admin);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asString()).isEqualTo("MODULE_UNKNOWN");
    }

    @Test
    void switchingPrintersOffPausesTheirJobsAndOnResumesThem() throws Exception {
        Scheduler quartz = scheduler.getObject();
        TriggerKey poll = TriggerKey.triggerKey("poll", "printer");
        assertThat(quartz.checkExists(JobKey.jobKey("poll", "printer"))).isTrue();
        TestPlugs.asAdmin();

        switches.set("printers", false);
        assertThat(quartz.getTriggerState(poll)).isEqualTo(Trigger.TriggerState.PAUSED);

        switches.set("printers", true);
        assertThat(quartz.getTriggerState(poll)).isNotEqualTo(Trigger.TriggerState.PAUSED);
    }

    @Test
    void aModuleTheConfigurationSwitchedOffCannotBeSwitchedOnAndUnknownNamesStopTheStart() {
        ModuleSwitches fixed = new ModuleSwitches(settings, new ModulesProperties(List.of("kiosks")), scheduler, clock);
        TestPlugs.asAdmin();

        assertThat(fixed.enabled(ModuleSwitches.Module.KIOSKS)).isFalse();
        assertThat(fixed.states())
                .filteredOn(s -> s.module() == ModuleSwitches.Module.KIOSKS)
                .singleElement()
                .extracting(ModuleSwitches.State::source)
                .isEqualTo(ModuleSwitches.Source.ENVIRONMENT);
        assertThatThrownBy(() -> fixed.set("kiosks", true))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("MODULE_FIXED");
        assertThatThrownBy(
                        () -> new ModuleSwitches(settings, new ModulesProperties(List.of("payroll")), scheduler, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("payroll");
    }
}
