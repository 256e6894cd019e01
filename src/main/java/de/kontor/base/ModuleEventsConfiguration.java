package de.kontor.base;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Lets a module react to another module's events with {@code @ApplicationModuleListener}: after the
 * publisher's transaction commits, on a thread of Spring's task executor, so the reaction neither slows down
 * nor fails the work that caused it. Without this, such listeners would run in the committing thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class ModuleEventsConfiguration {}
