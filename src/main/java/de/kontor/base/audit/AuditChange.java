package de.kontor.base.audit;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One field's value before and after a change. */
public record AuditChange(
        String field, @Nullable String from, @Nullable String to) {

    public static AuditChange of(String field, @Nullable Object from, @Nullable Object to) {
        return new AuditChange(field, from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    /**
     * The fields whose values differ between two snapshots of an entity (field name → value), in the
     * order of {@code after}. Values are compared by their string form, as they are recorded.
     */
    public static List<AuditChange> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> fields = new LinkedHashMap<>(after);
        before.forEach(fields::putIfAbsent);
        List<AuditChange> changes = new ArrayList<>();
        for (String field : fields.keySet()) {
            String from = str(before.get(field));
            String to = str(after.get(field));
            if (!Objects.equals(from, to)) {
                changes.add(new AuditChange(field, from, to));
            }
        }
        return changes;
    }

    private static @Nullable String str(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
