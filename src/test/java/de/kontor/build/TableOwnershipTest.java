package de.kontor.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules use each other's data through services and events, never through each other's tables: Spring
 * Modulith sees Java references but not SQL, so this test reads the SQL. The security module's account tables
 * ({@code app_user}, {@code app_user_role}) belong to it alone; others go through {@code UserService}.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path SECURITY = MAIN.resolve("de/kontor/security");

    /** A string literal or text block. */
    private static final Pattern LITERAL = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    private static final Pattern ACCOUNT_TABLE = Pattern.compile("(?i)\\bapp_user(_role)?\\b");

    @Test
    void onlyTheSecurityModuleTouchesTheAccountTablesInSql() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.startsWith(SECURITY)) {
                    continue;
                }
                Matcher literal = LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    if (ACCOUNT_TABLE.matcher(literal.group()).find()) {
                        problems.add(file + ": " + literal.group());
                    }
                }
            }
        }
        assertThat(problems).as("use security.UserService instead").isEmpty();
    }

    @Test
    void theCheckFindsSqlOnTheAccountTables() {
        String sample = "jdbc.update(\"update app_user set enabled = false where id = ?\", id); "
                + "String ok = \"select * from tally_person\"; "
                + "String role = \"\"\"\n  select 1 from APP_USER_ROLE r\n  \"\"\";";
        Matcher literal = LITERAL.matcher(sample);
        List<String> found = new ArrayList<>();
        while (literal.find()) {
            if (ACCOUNT_TABLE.matcher(literal.group()).find()) {
                found.add(literal.group());
            }
        }
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("update app_user");
        assertThat(found.get(1)).contains("APP_USER_ROLE");
    }
}
