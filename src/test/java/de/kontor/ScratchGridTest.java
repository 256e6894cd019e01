package de.kontor;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

class ScratchGridTest extends IntegrationTest {
    @org.springframework.beans.factory.annotation.Autowired
    de.kontor.base.prefs.PreferenceService prefs;

    @org.springframework.beans.factory.annotation.Autowired
    de.kontor.customer.CustomerService customers;

    @Test
    void scratch() throws Exception {
        prefs.saveLocale(ADMIN, java.util.Locale.GERMAN);
        customers.create(new de.kontor.customer.CustomerData(
                "Schreinerei & Holzwerkstatt Müller-Lüdenscheidt GmbH & Co. KG",
                "Friederike Müller-Lüdenscheidt",
                "friederike.mueller-luedenscheidt@holzwerkstatt-beispiel.example",
                null,
                null,
                null,
                "Freiburg im Breisgau",
                "DE",
                null,
                null,
                java.util.Set.of("Handwerk", "Premium-Kunde")));
        try (Chromium c = Chromium.start("1440,900", "de")) {
            c.driver.get(baseUrl() + "/login");
            WebDriverWait wait = new WebDriverWait(c.driver, Duration.ofSeconds(60));
            wait.until(d -> !c.loginInputs().isEmpty());
            c.fillLogin(ADMIN, ADMIN_PASSWORD);
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            c.driver.get(baseUrl() + System.getenv("SCRATCH_PATH"));
            Thread.sleep(6000);
            Object r = ((JavascriptExecutor) c.driver).executeScript(System.getenv("SCRATCH_JS"));
            System.out.println("SCRATCH>> " + r);
            c.screenshot("scratch");
        }
    }
}
