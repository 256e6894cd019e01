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
                    "kontor.data-dir=./data",
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
            assertThat(properties.dataDir()).isEqualTo(Path.of("./data"));
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
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata written by the configuration processor").isNotNull();
            var names = JsonMapper.builder()
                    .build()
                    .readTree(in)
                    .get("properties")
                    .valueStream()
                    .map(p -> p.get("name").asString())
                    .toList();
            assertThat(names)
                    .contains(
                            "kontor.data-dir",
                            "kontor.web.max-body-size",
                            "kontor.security.trusted-proxies",
                            "kontor.security.login.max-failures");
        }
    }
}
