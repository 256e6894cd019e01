package de.kontor.base.modules;

import de.kontor.base.error.DomainException;
import de.kontor.base.settings.AppSettings;
import org.jspecify.annotations.Nullable;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which feature modules are switched on. A module is off when the configuration says so
 * ({@code kontor.modules.disabled}, fixed) or an admin switched it off (a setting in the database, so every
 * node reads the same; each node looks again after a few seconds). An off module has no menu entry, its
 * views and APIs answer 404, and its Quartz job group is paused (in the job store: for every node).
 */
@Service
public class ModuleSwitches {

    /** The modules that can be switched off, with the package (and Quartz job group) each lives in. */
    public enum Module {
        CUSTOMERS("customers", "customer"),
        LICENSES("licenses", "license"),
        LEADS("leads", "lead"),
        PRINTERS("printers", "printer"),
        KIOSKS("kiosks", "kiosk"),
        TALLY("tally", "tally"),
        MONITORING("monitoring", "monitoring");

        private final String key;
        private final String packageName;

        Module(String key, String packageName) {
            this.key = key;
            this.packageName = packageName;
        }

        public String key() {
            return key;
        }

        /** The package (and Quartz job group and message key {@code module.<name>}) of the module. */
        public String packageName() {
            return packageName;
        }

        public static Optional<Module> byKey(String key) {
            String k = key.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(m -> m.key.equals(k) || m.packageName.equals(k))
                    .findFirst();
        }

        /** The module a class belongs to, by its package ({@code de.kontor.<module>...}). */
        public static Optional<Module> of(Class<?> type) {
            String name = type.getName();
            return Arrays.stream(values())
                    .filter(m -> name.startsWith("de.kontor." + m.packageName + "."))
                    .findFirst();
        }
    }

    /** Where a module's state comes from. */
    public enum Source {
        DEFAULT,
        SETTING,
        ENVIRONMENT
    }

    /** A module's switch as the settings show it. */
    public record State(Module module, boolean enabled, Source source) {}

    private static final Logger log = LoggerFactory.getLogger(ModuleSwitches.class);
    private static final Duration CACHE = Duration.ofSeconds(5);

    private final AppSettings settings;
    private final Set<Module> fixedOff;
    private final ObjectProvider<Scheduler> scheduler;
    private final Clock clock;
    private final ConcurrentHashMap<Module, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(boolean enabled, Instant until) {}

    ModuleSwitches(
            AppSettings settings, ModulesProperties properties, ObjectProvider<Scheduler> scheduler, Clock clock) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.fixedOff = properties.disabled().stream()
                .filter(s -> !s.isBlank())
                .map(s -> Module.byKey(s)
                        .orElseThrow(() -> new IllegalStateException("KONTOR_MODULES_DISABLED names an unknown module '"
                                + s + "'; known: "
                                + Arrays.stream(Module.values())
                                        .map(Module::key)
                                        .collect(Collectors.joining(", ")))))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the module is on (a few seconds late for a switch made on another node). */
    public boolean enabled(Module module) {
        if (fixedOff.contains(module)) {
            return false;
        }
        Instant now = clock.instant();
        Cached cached = cache.get(module);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.enabled();
        }
        boolean on;
        try {
            on = settings.flag(settingName(module), true);
        } catch (DataAccessException | TransactionException e) {
            // The database is away: keep what was known (on when nothing was), so the request reaches the
            // code that answers an outage the way its API promises.
            return cached == null || cached.enabled();
        }
        cache.put(module, new Cached(on, now.plus(CACHE)));
        return on;
    }

    /** Whether the class's module (if it belongs to one that can be switched) is on. */
    public boolean enabledFor(Class<?> type) {
        return Module.of(type).map(this::enabled).orElse(true);
    }

    @Transactional(readOnly = true)
    public List<State> states() {
        return Arrays.stream(Module.values())
                .map(m -> {
                    if (fixedOff.contains(m)) {
                        return new State(m, false, Source.ENVIRONMENT);
                    }
                    Optional<String> stored = settings.get(settingName(m));
                    return new State(
                            m,
                            stored.map(Boolean::parseBoolean).orElse(true),
                            stored.isPresent() ? Source.SETTING : Source.DEFAULT);
                })
                .toList();
    }

    /** Switches a module on or off (admins; audited); a module the configuration switched off stays off. */
    @Transactional
    public void set(String key, boolean enabled) {
        Module module = Module.byKey(key)
                .orElseThrow(() -> DomainException.invalidField("module", "MODULE_UNKNOWN", "module.unknown", key));
        if (fixedOff.contains(module)) {
            throw DomainException.conflict("MODULE_FIXED", "module.fixed", module.key());
        }
        settings.set("base", settingName(module), Boolean.toString(enabled));
        cache.remove(module);
        pauseOrResume(module, enabled);
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyToJobs() {
        for (Module module : Module.values()) {
            if (!enabled(module)) {
                pauseOrResume(module, false);
            }
        }
    }

    private void pauseOrResume(Module module, boolean enabled) {
        @Nullable Scheduler quartz = scheduler.getIfAvailable();
        if (quartz == null) {
            return;
        }
        try {
            GroupMatcher<JobKey> group = GroupMatcher.jobGroupEquals(module.packageName());
            if (enabled) {
                quartz.resumeJobs(group);
            } else {
                quartz.pauseJobs(group);
            }
        } catch (SchedulerException e) {
            log.warn("Could not {} the jobs of module {}", enabled ? "resume" : "pause", module.key(), e);
        }
    }

    private static String settingName(Module module) {
        return "module." + module.key() + ".enabled";
    }
}
