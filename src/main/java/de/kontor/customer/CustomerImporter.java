package de.kontor.customer;

import de.kontor.base.Countries;
import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.base.importing.ColumnMapping;
import de.kontor.base.importing.ImportPreview;
import de.kontor.base.importing.ImportSummary;
import de.kontor.base.importing.ImportTable;
import de.kontor.base.importing.PreviewRow;
import de.kontor.base.importing.Verdict;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Customer imports: every row gets a verdict (create; update of a customer matched by number or
 * e-mail; unchanged; duplicate of an earlier row; error with the reason). Applying writes the good
 * rows and remembers enough to undo the whole import later.
 * <p>
 * Updates only fill in what the file has: empty cells keep the customer's value, tags are added.
 */
@Component
class CustomerImporter {

    private static final String[] FIELDS = {
        "name", "contactPerson", "email", "phone", "street", "postalCode", "city", "country", "vatId", "notes", "tags"
    };
    private static final int CHUNK = 1000;

    private final CustomerRepository customers;
    private final CustomerImportRepository imports;
    private final CustomerImportChangeRepository changes;
    private final CustomerWriter writer;
    private final AuditService audit;
    private final Validator validator;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    CustomerImporter(
            CustomerRepository customers,
            CustomerImportRepository imports,
            CustomerImportChangeRepository changes,
            CustomerWriter writer,
            AuditService audit,
            Validator validator,
            MessageSource messages,
            JsonMapper json,
            Clock clock) {
        this.customers = customers;
        this.imports = imports;
        this.changes = changes;
        this.writer = writer;
        this.audit = audit;
        this.validator = validator;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** A row as the import will write it. */
    private record Planned(
            PreviewRow row,
            @Nullable CustomerData data,
            @Nullable Customer existing) {}

    ImportPreview preview(ImportTable table, ColumnMapping mapping, Locale locale) {
        return new ImportPreview(
                table.fileName(),
                plan(table, mapping, locale).stream().map(Planned::row).toList());
    }

    ImportSummary apply(ImportTable table, ColumnMapping mapping, boolean allOrNothing, Locale locale) {
        List<Planned> plan = plan(table, mapping, locale);
        if (allOrNothing && plan.stream().anyMatch(p -> p.row().verdict().bad())) {
            long bad = plan.stream().filter(p -> p.row().verdict().bad()).count();
            throw DomainException.conflict("IMPORT_HAS_BAD_ROWS", "import.error.badRows", bad);
        }
        if (plan.stream().noneMatch(p -> p.row().verdict().writes())) {
            throw DomainException.conflict("IMPORT_NOTHING_TO_DO", "import.error.nothingToDo");
        }
        CustomerImport record = imports.save(new CustomerImport(table.fileName(), currentUser(), clock.instant()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int skipped = 0;
        String action = "IMPORT";
        for (Planned p : plan) {
            switch (p.row().verdict()) {
                case CREATE -> {
                    Customer customer = writer.create(p.data(), action);
                    changes.save(new CustomerImportChange(
                            record.getId(),
                            p.row().rowNumber(),
                            customer.getId(),
                            CustomerImportChange.Kind.CREATE,
                            null,
                            customer.getVersion()));
                    created++;
                }
                case UPDATE -> {
                    Customer existing = p.existing();
                    String before = json.writeValueAsString(existing.data());
                    Customer customer = writer.update(existing, p.data(), action);
                    changes.save(new CustomerImportChange(
                            record.getId(),
                            p.row().rowNumber(),
                            customer.getId(),
                            CustomerImportChange.Kind.UPDATE,
                            before,
                            customer.getVersion()));
                    updated++;
                }
                case UNCHANGED -> unchanged++;
                case DUPLICATE, ERROR -> skipped++;
            }
        }
        record.counted(created, updated, skipped);
        audit.record(
                CustomerService.MODULE,
                "CustomerImport",
                record.getId(),
                "IMPORT",
                "Import of " + table.fileName() + ": " + created + " created, " + updated + " updated, " + unchanged
                        + " unchanged, " + skipped + " skipped");
        return new ImportSummary(record.getId(), created, updated, unchanged, skipped);
    }

    UndoResult undo(long importId, Locale locale) {
        CustomerImport record = imports.findById(importId)
                .orElseThrow(() -> DomainException.notFound("IMPORT_NOT_FOUND", "import.error.notFound", importId));
        if (record.isUndone()) {
            throw DomainException.conflict("IMPORT_ALREADY_UNDONE", "import.error.alreadyUndone", importId);
        }
        int removed = 0;
        int restored = 0;
        List<String> skipped = new ArrayList<>();
        for (CustomerImportChange change : changes.findByImportIdOrderByRowNumberDesc(importId)) {
            Customer customer = customers.findById(change.customerId()).orElse(null);
            if (customer == null) {
                skipped.add(text(locale, "import.undo.gone", change.rowNumber()));
                continue;
            }
            if (customer.getVersion() != change.versionAfter()) {
                skipped.add(text(locale, "import.undo.changedSince", change.rowNumber(), customer.getNumber()));
                continue;
            }
            if (change.kind() == CustomerImportChange.Kind.CREATE) {
                if (writer.facts(customer.getId()).stream().anyMatch(f -> f.count() > 0)) {
                    skipped.add(text(locale, "import.undo.hasRecords", change.rowNumber(), customer.getNumber()));
                    continue;
                }
                writer.delete(customer, "IMPORT_UNDO");
                removed++;
            } else {
                CustomerData before = json.readValue(change.beforeState(), CustomerData.class);
                if (before.getEmail() != null
                        && !customer.isArchived()
                        && customers.activeEmailTakenByOther(before.getEmail(), customer.getId())) {
                    skipped.add(text(locale, "import.undo.emailTaken", change.rowNumber(), customer.getNumber()));
                    continue;
                }
                writer.update(customer, before, "IMPORT_UNDO");
                restored++;
            }
        }
        record.undone(currentUser(), clock.instant());
        audit.record(
                CustomerService.MODULE,
                "CustomerImport",
                importId,
                "UNDO",
                "Import of " + record.getFileName() + " undone: " + removed + " removed, " + restored + " restored, "
                        + skipped.size() + " skipped");
        return new UndoResult(removed, restored, skipped);
    }

    Slice<CustomerImport> imports(Pageable pageable) {
        return imports.findAllByOrderByImportedAtDesc(pageable);
    }

    // ---- planning -----------------------------------------------------------------------------------

    private List<Planned> plan(ImportTable table, ColumnMapping mapping, Locale locale) {
        if (mapping.columnOf("name") == null && mapping.columnOf("number") == null) {
            throw DomainException.invalidField("name", "IMPORT_NAME_UNMAPPED", "import.error.nameUnmapped");
        }
        List<List<String>> rows = table.rows();
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (List<String> row : rows) {
            String number = CustomerService.normalizeNumber(mapping.value(row, "number"));
            if (number != null) {
                numbers.add(number);
            }
            String email = mapping.value(row, "email").toLowerCase(Locale.ROOT);
            if (!email.isEmpty()) {
                emails.add(email);
            }
        }
        Map<String, Customer> byNumber = load(numbers, customers::findByNumberIn, Customer::getNumber);
        Map<String, Customer> byEmail =
                load(emails, customers::findActiveByEmailIn, c -> c.getEmail().toLowerCase(Locale.ROOT));

        Map<String, Integer> seen = new HashMap<>();
        List<Planned> plan = new ArrayList<>(rows.size());
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale);
        try {
            for (int i = 0; i < rows.size(); i++) {
                plan.add(planRow(ImportTable.fileRowNumber(i), rows.get(i), mapping, locale, byNumber, byEmail, seen));
            }
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
        return plan;
    }

    private Planned planRow(
            int rowNumber,
            List<String> row,
            ColumnMapping mapping,
            Locale locale,
            Map<String, Customer> byNumber,
            Map<String, Customer> byEmail,
            Map<String, Integer> seen) {
        String numberCell = mapping.value(row, "number");
        String number = CustomerService.normalizeNumber(numberCell);
        List<String> errors = new ArrayList<>();
        if (!numberCell.isEmpty() && number == null) {
            errors.add(text(locale, "import.error.badNumber", numberCell));
        }
        CustomerData fromFile = new CustomerData();
        fromFile.setName(mapping.value(row, "name"));
        fromFile.setContactPerson(mapping.value(row, "contactPerson"));
        fromFile.setEmail(mapping.value(row, "email"));
        fromFile.setPhone(mapping.value(row, "phone"));
        fromFile.setStreet(mapping.value(row, "street"));
        fromFile.setPostalCode(mapping.value(row, "postalCode"));
        fromFile.setCity(mapping.value(row, "city"));
        String countryCell = mapping.value(row, "country");
        String country = Countries.code(countryCell);
        if (!countryCell.isEmpty() && country == null) {
            errors.add(text(locale, "import.error.badCountry", countryCell));
        }
        fromFile.setCountry(country);
        fromFile.setVatId(mapping.value(row, "vatId"));
        fromFile.setNotes(mapping.value(row, "notes"));
        fromFile.setTags(splitTags(mapping.value(row, "tags")));
        CustomerData data = fromFile.normalized();

        Customer existing = null;
        if (number != null) {
            existing = byNumber.get(number);
            if (existing == null) {
                errors.add(text(locale, "import.error.unknownNumber", number));
            } else if (existing.isArchived()) {
                errors.add(text(locale, "import.error.archived", number));
            }
        } else if (data.getEmail() != null) {
            existing = byEmail.get(data.getEmail());
        }
        CustomerData target = existing == null ? data : merge(existing.data(), data);
        boolean nameMissing = target.getName() == null;
        if (nameMissing && number == null) {
            errors.add(label(locale, "name") + ": " + text(locale, "validation.required"));
        }
        if (number == null || existing != null) {
            for (ConstraintViolation<CustomerData> violation : validator.validate(target)) {
                String field = violation.getPropertyPath().iterator().next().getName();
                if (!(nameMissing && "name".equals(field))) {
                    errors.add(label(locale, field) + ": " + violation.getMessage());
                }
            }
        }
        if (existing != null && target.getEmail() != null) {
            Customer owner = byEmail.get(target.getEmail());
            if (owner != null && !owner.getId().equals(existing.getId())) {
                errors.add(text(locale, "customer.error.emailTaken", target.getEmail(), owner.getNumber()));
            }
        }
        String summary = summary(target.getName() == null ? numberCell : target.getName(), target.getCity(), number);
        if (!errors.isEmpty()) {
            return new Planned(new PreviewRow(rowNumber, Verdict.ERROR, summary, errors, null), null, null);
        }
        List<String> keys = new ArrayList<>();
        if (existing != null) {
            keys.add("id:" + existing.getId());
        }
        if (target.getEmail() != null) {
            keys.add("email:" + target.getEmail());
        }
        if (existing == null && target.getEmail() == null) {
            keys.add("name:" + simplify(target.getName()) + "|" + simplify(target.getCity()));
        }
        for (String key : keys) {
            Integer earlier = seen.get(key);
            if (earlier != null) {
                return new Planned(
                        new PreviewRow(
                                rowNumber,
                                Verdict.DUPLICATE,
                                summary,
                                List.of(text(locale, "import.duplicateOf", earlier)),
                                existing == null ? null : existing.getId()),
                        null,
                        null);
            }
        }
        keys.forEach(k -> seen.put(k, rowNumber));
        if (existing == null) {
            return new Planned(new PreviewRow(rowNumber, Verdict.CREATE, summary, List.of(), null), target, null);
        }
        List<String> changed = describeChanges(existing.data(), target, locale);
        Verdict verdict = changed.isEmpty() ? Verdict.UNCHANGED : Verdict.UPDATE;
        return new Planned(
                new PreviewRow(rowNumber, verdict, existing.getNumber() + " · " + summary, changed, existing.getId()),
                target,
                existing);
    }

    /** The file's values over the customer's: empty cells keep what is there, tags are added. */
    private static CustomerData merge(CustomerData current, CustomerData file) {
        Set<String> tags = new TreeSet<>(current.getTags());
        tags.addAll(file.getTags());
        return new CustomerData(
                or(file.getName(), current.getName()),
                or(file.getContactPerson(), current.getContactPerson()),
                or(file.getEmail(), current.getEmail()),
                or(file.getPhone(), current.getPhone()),
                or(file.getStreet(), current.getStreet()),
                or(file.getPostalCode(), current.getPostalCode()),
                or(file.getCity(), current.getCity()),
                or(file.getCountry(), current.getCountry()),
                or(file.getVatId(), current.getVatId()),
                or(file.getNotes(), current.getNotes()),
                tags);
    }

    private static @Nullable String or(@Nullable String preferred, @Nullable String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private List<String> describeChanges(CustomerData before, CustomerData after, Locale locale) {
        List<String> out = new ArrayList<>();
        Map<String, Object> b = values(before);
        Map<String, Object> a = values(after);
        for (String field : FIELDS) {
            Object from = b.get(field);
            Object to = a.get(field);
            if (!Objects.equals(from, to)) {
                out.add(label(locale, field) + ": " + (from == null ? "–" : from) + " → " + (to == null ? "–" : to));
            }
        }
        return out;
    }

    private static Map<String, Object> values(CustomerData d) {
        Map<String, Object> map = new HashMap<>();
        map.put("name", d.getName());
        map.put("contactPerson", d.getContactPerson());
        map.put("email", d.getEmail());
        map.put("phone", d.getPhone());
        map.put("street", d.getStreet());
        map.put("postalCode", d.getPostalCode());
        map.put("city", d.getCity());
        map.put("country", d.getCountry());
        map.put("vatId", d.getVatId());
        map.put("notes", d.getNotes());
        map.put("tags", d.getTags().isEmpty() ? null : String.join(", ", d.getTags()));
        return map;
    }

    private static Set<String> splitTags(String cell) {
        Set<String> tags = new TreeSet<>();
        for (String t : cell.split("[,;|]")) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
        return tags;
    }

    private static String summary(@Nullable String name, @Nullable String city, @Nullable String number) {
        String base = name == null || name.isBlank() ? (number == null ? "–" : number) : name;
        return city == null ? base : base + ", " + city;
    }

    private static String simplify(@Nullable String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }

    private static <K> Map<K, Customer> load(
            Collection<K> keys, Function<Collection<K>, List<Customer>> query, Function<Customer, K> key) {
        Map<K, Customer> found = new HashMap<>();
        List<K> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            for (Customer c : query.apply(all.subList(from, Math.min(all.size(), from + CHUNK)))) {
                found.put(key.apply(c), c);
            }
        }
        return found;
    }

    private String label(Locale locale, String field) {
        return messages.getMessage("customer." + field, null, field, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String currentUser() {
        return CurrentUser.username().orElse(AuditService.SYSTEM_USER);
    }
}
