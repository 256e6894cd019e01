package de.kontor.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One customer an import created or updated, with the state to go back to. */
@Entity
@Table(name = "customer_import_change")
class CustomerImportChange {

    enum Kind {
        CREATE,
        UPDATE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "import_id", nullable = false)
    private Long importId;

    @Column(name = "row_no", nullable = false)
    private int rowNumber;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 10)
    private Kind kind;

    @Column(name = "before_state", columnDefinition = "TEXT")
    private @Nullable String beforeState;

    @Column(name = "version_after", nullable = false)
    private long versionAfter;

    protected CustomerImportChange() {}

    CustomerImportChange(
            Long importId, int rowNumber, Long customerId, Kind kind, @Nullable String beforeState, long versionAfter) {
        this.importId = importId;
        this.rowNumber = rowNumber;
        this.customerId = customerId;
        this.kind = kind;
        this.beforeState = beforeState;
        this.versionAfter = versionAfter;
    }

    int rowNumber() {
        return rowNumber;
    }

    Long customerId() {
        return customerId;
    }

    Kind kind() {
        return kind;
    }

    @Nullable
    String beforeState() {
        return beforeState;
    }

    long versionAfter() {
        return versionAfter;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CustomerImportChange other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return CustomerImportChange.class.hashCode();
    }
}
