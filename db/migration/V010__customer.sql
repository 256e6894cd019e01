-- Customers: the CRM core that licenses, leads and reports hang on.

-- Customer numbers (K-000123) come from a sequence: never reused, even after a rollback or deletion.
CREATE SEQUENCE customer_number_seq START WITH 1 INCREMENT BY 1 NOCACHE;

CREATE TABLE customer (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    number          VARCHAR(12)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    contact_person  VARCHAR(200)  NULL,
    email           VARCHAR(254)  NULL,
    phone           VARCHAR(50)   NULL,
    street          VARCHAR(200)  NULL,
    postal_code     VARCHAR(20)   NULL,
    city            VARCHAR(100)  NULL,
    country         CHAR(2)       NULL,
    vat_id          VARCHAR(20)   NULL,
    notes           TEXT          NULL,
    archived        BOOLEAN       NOT NULL DEFAULT FALSE,
    archived_at     DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    -- number, name, contact, e-mail and city folded to lower case without accents (plus ae/oe/ue
    -- spellings of umlauts) as UTF-8 bytes: a byte-wise LIKE '%...%' is several times cheaper than a
    -- collation-aware one, which keeps "contains" searches fast over many customers
    search_text     VARBINARY(1400) NOT NULL DEFAULT '',
    -- e-mail addresses are unique among active customers only: archived ones may repeat
    active_email    VARCHAR(254) AS (IF(archived, NULL, email)) VIRTUAL,
    PRIMARY KEY (id),
    CONSTRAINT uk_customer_number UNIQUE (number),
    CONSTRAINT uk_customer_active_email UNIQUE (active_email),
    -- id makes the index match the default order (name, id); search_text in it lets name-sorted searches
    -- filter without reading rows
    INDEX ix_customer_name (archived, name, id, search_text),
    INDEX ix_customer_city (archived, city),
    INDEX ix_customer_updated (archived, updated_at),
    INDEX ix_customer_search (archived, search_text),
    -- narrow, so counting all active customers reads little
    INDEX ix_customer_archived (archived)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_tag (
    customer_id BIGINT      NOT NULL,
    tag         VARCHAR(50) NOT NULL,
    PRIMARY KEY (customer_id, tag),
    INDEX ix_customer_tag_tag (tag),
    CONSTRAINT fk_customer_tag_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An import and what it did to each row, so the import can be undone as a whole.
CREATE TABLE customer_import (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    file_name     VARCHAR(255)  NOT NULL,
    imported_by   VARCHAR(100)  NOT NULL,
    imported_at   DATETIME(6)   NOT NULL,
    created_count INT           NOT NULL,
    updated_count INT           NOT NULL,
    skipped_count INT           NOT NULL,
    undone_at     DATETIME(6)   NULL,
    undone_by     VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    INDEX ix_customer_import_time (imported_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_import_change (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    import_id       BIGINT      NOT NULL,
    row_no          INT         NOT NULL,
    customer_id     BIGINT      NOT NULL,
    kind            VARCHAR(10) NOT NULL,
    -- the customer as it was before an update (JSON), to restore on undo
    before_state    TEXT        NULL,
    -- the version the import left, to see whether someone changed the customer since
    version_after   BIGINT      NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_customer_import_change_import (import_id),
    INDEX ix_customer_import_change_customer (customer_id),
    CONSTRAINT fk_customer_import_change_import FOREIGN KEY (import_id) REFERENCES customer_import (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
