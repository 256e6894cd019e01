package de.kontor.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a writing service method (or its class) that a viewer, the read-only role, may call all the same,
 * because it changes nothing of the data viewers only look at: the caller's own account, password,
 * two-factor sign-in and sessions, their language and colour scheme, sign-in bookkeeping. Every other
 * read-write transaction a viewer starts is refused.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ViewerAllowed {}
