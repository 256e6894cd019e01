package de.kontor.license.ui;

import de.kontor.customer.Customer;
import de.kontor.customer.CustomerService;
import de.kontor.license.Product;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the license views name a license's product and customer, read once per view. Thread-safe: export
 * threads read it too.
 */
final class LicenseLabels {

    private final CustomerService customers;
    private final Map<Long, Customer> customerCache = new ConcurrentHashMap<>();
    private final Map<Long, Product> productCache = new ConcurrentHashMap<>();

    LicenseLabels(CustomerService customers, List<Product> products) {
        this.customers = customers;
        products.forEach(p -> productCache.put(p.getId(), p));
    }

    String product(Long productId) {
        Product p = productCache.get(productId);
        return p == null ? "#" + productId : p.getCode();
    }

    String customer(Long customerId) {
        Customer c = customerCache.computeIfAbsent(customerId, customers::get);
        return c.getNumber() + " · " + c.getName();
    }
}
