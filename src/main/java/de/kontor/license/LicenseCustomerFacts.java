package de.kontor.license;

import de.kontor.customer.CustomerAttachments;
import de.kontor.customer.CustomerFact;
import org.springframework.stereotype.Component;

import java.util.List;

/** On a customer's page: how many licenses and activated devices; a customer with licenses is not deleted. */
@Component
class LicenseCustomerFacts implements CustomerAttachments {

    private final LicenseService licenses;

    LicenseCustomerFacts(LicenseService licenses) {
        this.licenses = licenses;
    }

    @Override
    public List<CustomerFact> factsFor(long customerId) {
        var lastSeen = licenses.lastSeenOfCustomer(customerId).orElse(null);
        return List.of(
                new CustomerFact("license.fact.licenses", licenses.countLicensesOfCustomer(customerId), lastSeen),
                new CustomerFact("license.fact.devices", licenses.countDevicesOfCustomer(customerId), lastSeen));
    }
}
