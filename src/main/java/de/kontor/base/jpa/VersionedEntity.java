package de.kontor.base.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * An entity that users edit: a database-generated id, when it was created and last changed, and a
 * version for optimistic locking (an edit based on an old version is refused, not silently lost).
 * Two instances are equal when they are the same kind of entity with the same id; the hash code does
 * not depend on the id, so a new entity keeps its place in a set when it is saved.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** Marks a new entity as created (and changed) at {@code now}. */
    protected void created(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Marks the entity as changed at {@code now}. */
    protected void touched(Instant now) {
        this.updatedAt = now;
    }

    /** The id, once the entity has been saved. */
    public Long getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public final boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof VersionedEntity other
                && id != null
                && id.equals(other.getId())
                && Hibernate.getClass(this).equals(Hibernate.getClass(other));
    }

    @Override
    public final int hashCode() {
        return Hibernate.getClass(this).hashCode();
    }
}
