package de.kontor.base.modules;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param disabled modules switched off by configuration ({@code KONTOR_MODULES_DISABLED=leads,kiosks}); an
 *     admin cannot switch these on in the UI
 */
@ConfigurationProperties("kontor.modules")
public record ModulesProperties(List<String> disabled) {

    public ModulesProperties {
        disabled = disabled == null ? List.of() : List.copyOf(disabled);
    }
}
