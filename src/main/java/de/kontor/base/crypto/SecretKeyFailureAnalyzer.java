package de.kontor.base.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a refused secret key as Spring Boot's "APPLICATION FAILED TO START" report (description and
 * action) instead of a stack trace through bean creation. Registered in {@code META-INF/spring.factories}.
 */
class SecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<SecretKeyRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretKeyRefused cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
