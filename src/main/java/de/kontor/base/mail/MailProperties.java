package de.kontor.base.mail;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Locale;

/**
 * E-mail settings ({@code kontor.mail.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from sender address of every mail
 * @param language language of mails sent to people who have not chosen one (notices, alerts)
 * @param maxAttempts deliveries tried before a mail stays {@code FAILED} until someone sends it again
 * @param retryAfter wait before the first retry of a failed delivery; doubles with every further attempt
 */
@Validated
@ConfigurationProperties("kontor.mail")
public record MailProperties(
        @NotBlank String from,
        @NotNull Locale language,
        @Min(1) int maxAttempts,
        @NotNull Duration retryAfter) {}
