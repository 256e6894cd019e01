package de.kontor.customer;

import de.kontor.base.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** An applied import: what it did, so that it can be undone as a whole. */
@Entity
@Table(name = "customer_import")
public class CustomerImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "imported_by", nullable = false, length = 100)
    private String importedBy;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "created_count", nullable = false)
    private int createdCount;

    @Column(name = "updated_count", nullable = false)
    private int updatedCount;

    @Column(name = "skipped_count", nullable = false)
    private int skippedCount;

    @Column(name = "undone_at")
    private @Nullable Instant undoneAt;

    @Column(name = "undone_by", length = 100)
    private @Nullable String undoneBy;

    protected CustomerImport() {}

    CustomerImport(String fileName, String importedBy, Instant importedAt) {
        this.fileName = Texts.atMost(fileName, 255);
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    void counted(int created, int updated, int skipped) {
        this.createdCount = created;
        this.updatedCount = updated;
        this.skippedCount = skipped;
    }

    void undone(String by, Instant at) {
        this.undoneBy = by;
        this.undoneAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public int getCreatedCount() {
        return createdCount;
    }

    public int getUpdatedCount() {
        return updatedCount;
    }

    public int getSkippedCount() {
        return skippedCount;
    }

    public @Nullable Instant getUndoneAt() {
        return undoneAt;
    }

    public @Nullable String getUndoneBy() {
        return undoneBy;
    }

    public boolean isUndone() {
        return undoneAt != null;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CustomerImport other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return CustomerImport.class.hashCode();
    }
}
