package de.kontor.base;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Kontor's basic settings bind from properties, are checked at start, and are described for IDEs. */
class KontorPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KontorProperties.class)
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "kontor.data-dir=/var/lib/kontor",
                    "kontor.time-zone=Europe/Berlin",
                    "kontor.admin.password=",
                    "kontor.demo.enabled=false",
                    "kontor.web.max-body-size=1MB",
                    "kontor.web.max-upload-size=20MB",
                    "kontor.web.max-page-size=500");

    @Test
    void bindsTheSettings() {
        runner.withPropertyValues("kontor.web.max-body-size=2MB").run(context -> {
            KontorProperties properties = context.getBean(KontorProperties.class);
            assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/kontor"));
            assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(properties.web().maxBodySize().toBytes()).isEqualTo(2L * 1024 * 1024);
            assertThat(properties.web().maxPageSize()).isEqualTo(500);
        });
    }

    @Test
    void aValueThatDoesNotFitStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("kontor.web.max-page-size=0")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("web.maxPageSize"));
        runner.withPropertyValues("kontor.time-zone=Mars/Olympus")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theConfigurationProcessorDescribesTheSettingsForIdes() throws Exception {
        // Every jar may carry such a file (Vaadin's does); Kontor's is the one naming kontor.* settings.
        List<String> names = new ArrayList<>();
        var files = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                JsonMapper.builder()
                        .build()
                        .readTree(in)
                        .get("properties")
                        .valueStream()
                        .map(p -> p.get("name").asString())
                        .forEach(names::add);
            }
        }
        assertThat(names)
                .as("metadata written by the configuration processor")
                .contains(
                        "kontor.data-dir",
                        "kontor.web.max-body-size",
                        "kontor.security.trusted-proxies",
                        "kontor.security.login.max-failures");
    }
}
