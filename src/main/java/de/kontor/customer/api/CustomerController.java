package de.kontor.customer.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportFormat;
import de.kontor.base.export.ExportRequest;
import de.kontor.base.export.ExportService;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerQuery;
import de.kontor.customer.CustomerService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Customers over REST, for admins' scripts and other systems (e.g. a shop creating customers). */
@RestController
@RequestMapping("/api/customers")
@AdminOnly
@Validated
@Tag(name = "Customers")
class CustomerController {

    private final CustomerService customers;
    private final ExportService exports;
    private final MessageSource messages;
    private final ZoneId zone;

    CustomerController(CustomerService customers, ExportService exports, MessageSource messages, ZoneId zone) {
        this.customers = customers;
        this.exports = exports;
        this.messages = messages;
        this.zone = zone;
    }

    record CustomerDto(
            long id,
            String number,
            String name,
            @Nullable String contactPerson,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String street,
            @Nullable String postalCode,
            @Nullable String city,
            @Nullable String country,
            @Nullable String vatId,
            @Nullable String notes,
            Set<String> tags,
            boolean archived,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        static CustomerDto of(Customer c) {
            return new CustomerDto(
                    c.getId(),
                    c.getNumber(),
                    c.getName(),
                    c.getContactPerson(),
                    c.getEmail(),
                    c.getPhone(),
                    c.getStreet(),
                    c.getPostalCode(),
                    c.getCity(),
                    c.getCountry(),
                    c.getVatId(),
                    c.getNotes(),
                    c.getTags(),
                    c.isArchived(),
                    c.getCreatedAt(),
                    c.getUpdatedAt(),
                    c.getVersion());
        }
    }

    record CustomerPage(List<CustomerDto> items, int page, int size, long total, boolean hasNext) {}

    /** The body of an update: the fields plus the version the client read. */
    static class CustomerUpdate extends CustomerData {
        private @Nullable Long version;

        public @Nullable Long getVersion() {
            return version;
        }

        public void setVersion(@Nullable Long version) {
            this.version = version;
        }
    }

    @GetMapping
    @Operation(
            summary = "List customers",
            description = "q searches number, name, contact, e-mail and city; "
                    + "status is active (default), archived or all; sort like name,asc or updatedAt,desc.")
    CustomerPage list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Set<String> tag,
            @RequestParam(defaultValue = "active") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        CustomerQuery query = query(q, tag, status);
        Slice<Customer> slice = customers.find(query, PageRequest.of(page, size, sort(sort)));
        return new CustomerPage(
                slice.map(CustomerDto::of).getContent(), page, size, customers.count(query), slice.hasNext());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One customer")
    CustomerDto get(@PathVariable long id) {
        return CustomerDto.of(customers.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a customer", description = "The customer number is assigned by Kontor.")
    ResponseEntity<CustomerDto> create(@RequestBody CustomerData body) {
        Customer created = customers.create(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.getId())
                        .toUri())
                .body(CustomerDto.of(created));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace a customer's fields",
            description = "Send the version you read; 409 CONCURRENT_CHANGE if someone changed the customer since.")
    CustomerDto update(@PathVariable long id, @RequestBody CustomerUpdate body) {
        if (body.getVersion() == null) {
            throw DomainException.invalidField("version", "VERSION_REQUIRED", "customer.error.versionRequired");
        }
        CustomerData data = new CustomerData(
                body.getName(),
                body.getContactPerson(),
                body.getEmail(),
                body.getPhone(),
                body.getStreet(),
                body.getPostalCode(),
                body.getCity(),
                body.getCountry(),
                body.getVatId(),
                body.getNotes(),
                body.getTags());
        return CustomerDto.of(customers.update(id, body.getVersion(), data));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Archive a customer", description = "Archived customers can be restored.")
    CustomerDto archive(@PathVariable long id) {
        return CustomerDto.of(customers.archive(id));
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Restore an archived customer")
    CustomerDto restore(@PathVariable long id) {
        return CustomerDto.of(customers.restore(id));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the customers a query matches", description = "format: xlsx, csv or pdf")
    void export(
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Set<String> tag,
            @RequestParam(defaultValue = "active") String status,
            @RequestParam(required = false) @Nullable List<String> sort,
            HttpServletResponse response)
            throws IOException {
        ExportFormat exportFormat = ExportFormat.fromParameter(format);
        CustomerQuery query = query(q, tag, status);
        customers.checkSort(sort(sort));
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("customer.exportTitle", null, locale);
        ExportRequest<Customer> request = new ExportRequest<>(
                title,
                List.of(
                        ExportColumn.of(label("customer.number", locale), Customer::getNumber),
                        ExportColumn.of(label("customer.name", locale), Customer::getName),
                        ExportColumn.of(label("customer.contactPerson", locale), Customer::getContactPerson),
                        ExportColumn.of(label("customer.email", locale), Customer::getEmail),
                        ExportColumn.of(label("customer.phone", locale), Customer::getPhone),
                        ExportColumn.of(label("customer.street", locale), Customer::getStreet),
                        ExportColumn.of(label("customer.postalCode", locale), Customer::getPostalCode),
                        ExportColumn.of(label("customer.city", locale), Customer::getCity),
                        ExportColumn.of(label("customer.country", locale), Customer::getCountry),
                        ExportColumn.of(label("customer.vatId", locale), Customer::getVatId),
                        ExportColumn.of(label("customer.tags", locale), c -> String.join(", ", c.getTags())),
                        ExportColumn.of(label("customer.updated", locale), Customer::getUpdatedAt)),
                customers.exportRows(query),
                sort(sort),
                null,
                locale,
                zone);
        exports.download(request, exportFormat, response);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static CustomerQuery query(@Nullable String q, @Nullable Set<String> tags, String status) {
        CustomerQuery.Status parsed;
        try {
            parsed = CustomerQuery.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("status", "INVALID_STATUS", "api.customer.status", status);
        }
        return new CustomerQuery(q, tags == null ? Set.of() : tags, parsed);
    }

    /** {@code ["name,desc", "city"]} → Sort; unknown properties are refused by the service. */
    private static Sort sort(@Nullable List<String> sort) {
        if (sort == null || sort.isEmpty()) {
            return Sort.unsorted();
        }
        Sort result = Sort.unsorted();
        for (int i = 0; i < sort.size(); i++) {
            String[] parts = sort.get(i).split(",");
            String property = parts[0].strip();
            // Spring splits "name,desc" given as one parameter into two list elements.
            String direction = parts.length > 1
                    ? parts[1].strip()
                    : (i + 1 < sort.size() && isDirection(sort.get(i + 1)))
                            ? sort.get(++i).strip()
                            : "asc";
            result = result.and(
                    Sort.by("desc".equalsIgnoreCase(direction) ? Sort.Direction.DESC : Sort.Direction.ASC, property));
        }
        return result;
    }

    private static boolean isDirection(String s) {
        return "asc".equalsIgnoreCase(s.strip()) || "desc".equalsIgnoreCase(s.strip());
    }
}
