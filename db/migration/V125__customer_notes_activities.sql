-- A customer's notes (every edit keeps the previous text as a revision; deleting archives) and activities
-- (calls, e-mails, meetings, tasks with a due date). They belong to the customer: deleting it deletes them.
CREATE TABLE customer_note (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    customer_id  BIGINT        NOT NULL,
    text         TEXT          NOT NULL,
    revision     INT           NOT NULL DEFAULT 1,
    created_by   VARCHAR(100)  NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_by   VARCHAR(100)  NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    archived_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_customer_note_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE,
    INDEX ix_customer_note_customer (customer_id, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_note_revision (
    note_id    BIGINT        NOT NULL,
    revision   INT           NOT NULL,
    text       TEXT          NOT NULL,
    edited_by  VARCHAR(100)  NOT NULL,
    edited_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (note_id, revision),
    CONSTRAINT fk_customer_note_revision_note FOREIGN KEY (note_id) REFERENCES customer_note (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_activity (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    customer_id  BIGINT        NOT NULL,
    kind         VARCHAR(10)   NOT NULL,
    subject      VARCHAR(255)  NOT NULL,
    details      TEXT          NULL,
    due_date     DATE          NULL,
    done         BOOLEAN       NOT NULL DEFAULT FALSE,
    done_at      DATETIME(6)   NULL,
    done_by      VARCHAR(100)  NULL,
    created_by   VARCHAR(100)  NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_customer_activity_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE,
    INDEX ix_customer_activity_customer (customer_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
