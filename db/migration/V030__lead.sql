-- Leads (issue 9): institutions before they become customers.

CREATE TABLE lead_institution (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    name         VARCHAR(200)  NOT NULL,
    type         VARCHAR(20)   NOT NULL DEFAULT 'OTHER',
    street       VARCHAR(200)  NULL,
    postal_code  VARCHAR(20)   NULL,
    city         VARCHAR(100)  NULL,
    country      VARCHAR(2)    NULL,
    website      VARCHAR(255)  NULL,
    phone        VARCHAR(50)   NULL,
    email        VARCHAR(254)  NULL,
    status       VARCHAR(20)   NOT NULL DEFAULT 'NEW',
    source       VARCHAR(100)  NULL,
    owner        VARCHAR(100)  NULL,
    customer_id  BIGINT        NULL,
    archived_at  DATETIME(6)   NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX ix_lead_institution_name (name),
    INDEX ix_lead_institution_status (status),
    INDEX ix_lead_institution_city (city),
    INDEX ix_lead_institution_owner (owner),
    INDEX ix_lead_institution_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_contact (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT        NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    position        VARCHAR(100)  NULL,
    email           VARCHAR(254)  NULL,
    phone           VARCHAR(50)   NULL,
    notes           TEXT          NULL,
    is_primary      BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_lead_contact_institution FOREIGN KEY (institution_id) REFERENCES lead_institution (id),
    INDEX ix_lead_contact_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A note and its revisions: every edit keeps the previous text; deleting archives.
CREATE TABLE lead_note (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT        NOT NULL,
    text            TEXT          NOT NULL,
    revision        INT           NOT NULL DEFAULT 1,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_by      VARCHAR(100)  NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    archived_at     DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_lead_note_institution FOREIGN KEY (institution_id) REFERENCES lead_institution (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_note_revision (
    note_id    BIGINT        NOT NULL,
    revision   INT           NOT NULL,
    text       TEXT          NOT NULL,
    edited_by  VARCHAR(100)  NOT NULL,
    edited_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (note_id, revision),
    CONSTRAINT fk_lead_note_revision_note FOREIGN KEY (note_id) REFERENCES lead_note (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_tag (
    id     BIGINT       NOT NULL AUTO_INCREMENT,
    name   VARCHAR(50)  NOT NULL,
    color  CHAR(7)      NOT NULL DEFAULT '#64748b',
    PRIMARY KEY (id),
    CONSTRAINT uk_lead_tag_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_institution_tag (
    institution_id  BIGINT  NOT NULL,
    tag_id          BIGINT  NOT NULL,
    PRIMARY KEY (institution_id, tag_id),
    CONSTRAINT fk_lead_it_institution FOREIGN KEY (institution_id) REFERENCES lead_institution (id),
    CONSTRAINT fk_lead_it_tag FOREIGN KEY (tag_id) REFERENCES lead_tag (id) ON DELETE CASCADE,
    INDEX ix_lead_it_tag (tag_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Activities (call, e-mail, meeting, task, note) and automatic entries (CHANGE) of the timeline.
CREATE TABLE lead_activity (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT        NOT NULL,
    kind            VARCHAR(10)   NOT NULL,
    subject         VARCHAR(255)  NOT NULL,
    details         TEXT          NULL,
    due_date        DATE          NULL,
    done            BOOLEAN       NOT NULL DEFAULT FALSE,
    done_at         DATETIME(6)   NULL,
    assignee        VARCHAR(100)  NULL,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_lead_activity_institution FOREIGN KEY (institution_id) REFERENCES lead_institution (id),
    INDEX ix_lead_activity_timeline (institution_id, created_at),
    INDEX ix_lead_activity_tasks (kind, done, due_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Imports with what they did, so an import can be undone.
CREATE TABLE lead_import (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    file_name      VARCHAR(255)  NOT NULL,
    imported_at    DATETIME(6)   NOT NULL,
    imported_by    VARCHAR(100)  NOT NULL,
    created_count  INT           NOT NULL DEFAULT 0,
    updated_count  INT           NOT NULL DEFAULT 0,
    skipped_count  INT           NOT NULL DEFAULT 0,
    undone_at      DATETIME(6)   NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_import_change (
    import_id       BIGINT       NOT NULL,
    institution_id  BIGINT       NOT NULL,
    action          VARCHAR(10)  NOT NULL,
    before_json     TEXT         NULL,
    PRIMARY KEY (import_id, institution_id),
    CONSTRAINT fk_lead_import_change_import FOREIGN KEY (import_id) REFERENCES lead_import (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
