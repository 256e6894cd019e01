package de.kontor.base.api;

import org.springframework.security.access.prepost.PreAuthorize;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a REST controller or handler: admins; viewers (the read-only role) only for reading requests
 * (GET, HEAD), so every change they send is refused with 403. (Views use {@code @RolesAllowed}, which Vaadin
 * enforces; endpoints use these annotations, which Spring's method security enforces.)
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('ADMIN') or (hasRole('VIEWER') and @viewerAccess.reading())")
public @interface AdminOnly {}
