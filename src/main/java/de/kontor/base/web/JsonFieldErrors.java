package de.kontor.base.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;

/**
 * Which field of a JSON body had the wrong type, and what it should have been: for 400 answers that name
 * the field instead of "could not read the body".
 */
public final class JsonFieldErrors {

    /** A field and the message key saying what it must be. */
    public record FieldError(String field, String messageKey) {}

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(
            int.class,
            long.class,
            short.class,
            byte.class,
            Integer.class,
            Long.class,
            Short.class,
            Byte.class,
            BigInteger.class);
    private static final Set<Class<?>> NUMBERS =
            Set.of(double.class, float.class, Double.class, Float.class, BigDecimal.class, Number.class);

    private JsonFieldErrors() {}

    /** The field error behind an unreadable body, if a value had the wrong type (not for broken JSON). */
    public static Optional<FieldError> of(@Nullable Throwable unreadable) {
        for (Throwable t = unreadable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MismatchedInputException mismatch
                    && !mismatch.getPath().isEmpty()) {
                return Optional.of(new FieldError(path(mismatch), messageKey(mismatch.getTargetType())));
            }
        }
        return Optional.empty();
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String messageKey(@Nullable Class<?> target) {
        if (target == null) {
            return "api.json.wrongType";
        }
        if (WHOLE_NUMBERS.contains(target)) {
            return "api.json.wholeNumber";
        }
        if (NUMBERS.contains(target)) {
            return "api.json.number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "api.json.boolean";
        }
        if (CharSequence.class.isAssignableFrom(target) || target == char.class || target == Character.class) {
            return "api.json.text";
        }
        return "api.json.wrongType";
    }
}
