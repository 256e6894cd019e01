package de.kontor.security;

import de.kontor.base.error.DomainException;
import org.passay.DictionaryRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.RepeatCharacterRegexRule;
import org.passay.Rule;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What a chosen password must meet, checked with Passay's rules in this order: length, not containing the
 * user name, not one of the common passwords bundled in {@code security/common-passwords.txt} (common roots
 * in English and German with their usual endings, number sequences, keyboard rows; compared ignoring case),
 * and no character repeated {@value #REPEAT_LIMIT} times in a row. The first rule broken names the error.
 */
final class PasswordRules {

    static final int REPEAT_LIMIT = RepeatCharacterRegexRule.DEFAULT_SEQUENCE_LENGTH;

    private record Check(Rule rule, String code, String messageKey, Object... args) {}

    private final List<Check> checks;

    PasswordRules(int min, int max) {
        this.checks = List.of(
                new Check(new LengthRule(min, Integer.MAX_VALUE), "PASSWORD_TOO_SHORT", "password.error.tooShort", min),
                new Check(new LengthRule(0, max), "PASSWORD_TOO_LONG", "password.error.tooLong", max),
                new Check(
                        new UsernameRule(false, true), "PASSWORD_CONTAINS_USERNAME", "password.error.containsUsername"),
                new Check(
                        new DictionaryRule(new WordListDictionary(commonPasswords())),
                        "PASSWORD_TOO_COMMON",
                        "password.error.common"),
                new Check(
                        new RepeatCharacterRegexRule(REPEAT_LIMIT),
                        "PASSWORD_REPEATED_CHARACTER",
                        "password.error.repeated",
                        REPEAT_LIMIT));
    }

    /** @throws DomainException on {@code field} for the first rule the password breaks */
    void check(String username, String password, String field) {
        PasswordData data = new PasswordData(username, password);
        for (Check check : checks) {
            if (!check.rule().validate(data).isValid()) {
                throw DomainException.invalidField(field, check.code(), check.messageKey(), check.args());
            }
        }
    }

    private static ArrayWordList commonPasswords() {
        try (InputStream in = Objects.requireNonNull(
                        PasswordRules.class.getResourceAsStream("/security/common-passwords.txt"),
                        "security/common-passwords.txt is missing");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return WordLists.createFromReader(new Reader[] {reader}, false, new ArraysSort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
