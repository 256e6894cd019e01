package de.kontor.agent;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent runs as its own jar with only its libraries: it may use the JDK, OSHI (with JNA and SLF4J),
 * OkHttp (with Okio and Kotlin's library), Jackson, JSpecify and pty4j — nothing else of Kontor, and no
 * Spring. The jar's include list in the pom names the same libraries.
 */
class AgentArchitectureTest {

    private final JavaClasses agent = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.kontor.agent");

    @Test
    void theAgentDependsOnlyOnItselfTheJdkAndItsOwnLibraries() {
        classes()
                .that()
                .resideInAPackage("de.kontor.agent..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "de.kontor.agent..",
                        "java..",
                        "javax..",
                        "oshi..",
                        "com.sun.jna..",
                        "org.slf4j..",
                        "okhttp3..",
                        "okio..",
                        "kotlin..",
                        "tools.jackson..",
                        "com.fasterxml.jackson.annotation..",
                        "org.jspecify..",
                        "com.pty4j..")
                .check(agent);
    }

    @Test
    void theCheckSeesTheAgentsClasses() {
        // guards against an import that silently finds nothing and so checks nothing
        assertThat(agent.contain(AgentMain.class)).isTrue();
        assertThat(agent.contain(AgentArchitectureTest.class)).isFalse();
    }
}
