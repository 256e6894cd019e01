-- Tally accounts ("Strichliste", issue 6).

CREATE TABLE tally_person (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    code                   CHAR(10)      NOT NULL,
    user_id                BIGINT        NULL,
    first_name             VARCHAR(100)  NOT NULL,
    last_name              VARCHAR(100)  NOT NULL,
    email                  VARCHAR(254)  NULL,
    comment                TEXT          NULL,
    locked                 BOOLEAN       NOT NULL DEFAULT FALSE,
    -- the sum of the person's active ledger, kept in step under the row lock of every booking
    balance                BIGINT        NOT NULL DEFAULT 0,
    notify_booking         BOOLEAN       NOT NULL DEFAULT FALSE,
    notify_zero            BOOLEAN       NOT NULL DEFAULT FALSE,
    notify_threshold       BOOLEAN       NOT NULL DEFAULT FALSE,
    reminder_threshold     INT           NULL,
    responsible_threshold  INT           NULL,
    archived_at            DATETIME(6)   NULL,
    created_at             DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_tally_person_code UNIQUE (code),
    CONSTRAINT uk_tally_person_email UNIQUE (email),
    CONSTRAINT uk_tally_person_user UNIQUE (user_id),
    CONSTRAINT fk_tally_person_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    INDEX ix_tally_person_name (last_name, first_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Resets archive entries instead of deleting them; a reset can be undone as a whole.
CREATE TABLE tally_reset (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    person_id    BIGINT        NULL,
    reset_at     DATETIME(6)   NOT NULL,
    reset_by     VARCHAR(150)  NOT NULL,
    entries      INT           NOT NULL,
    restored_at  DATETIME(6)   NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tally_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    person_id    BIGINT        NOT NULL,
    amount       BIGINT        NOT NULL,
    description  VARCHAR(255)  NOT NULL,
    booked_at    DATETIME(6)   NOT NULL,
    source       VARCHAR(10)   NOT NULL,
    booked_by    VARCHAR(150)  NOT NULL,
    reset_id     BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_tally_entry_person FOREIGN KEY (person_id) REFERENCES tally_person (id),
    CONSTRAINT fk_tally_entry_reset FOREIGN KEY (reset_id) REFERENCES tally_reset (id),
    INDEX ix_tally_entry_person (person_id, reset_id, booked_at),
    INDEX ix_tally_entry_time (reset_id, booked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tally_token (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    person_id     BIGINT         NOT NULL,
    name          VARCHAR(100)   NOT NULL,
    token_bytes   VARBINARY(20)  NOT NULL,
    created_at    DATETIME(6)    NOT NULL,
    last_used_at  DATETIME(6)    NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_tally_token_bytes UNIQUE (token_bytes),
    CONSTRAINT fk_tally_token_person FOREIGN KEY (person_id) REFERENCES tally_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Terminals and other API clients; their keys are stored as SHA-256 only.
CREATE TABLE tally_api_user (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    deleted_at  DATETIME(6)   NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tally_api_key (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    api_user_id   BIGINT        NOT NULL,
    key_hash      CHAR(64)      NOT NULL,
    key_prefix    VARCHAR(16)   NOT NULL,
    scope         VARCHAR(10)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    last_used_at  DATETIME(6)   NULL,
    revoked_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_tally_api_key_hash UNIQUE (key_hash),
    CONSTRAINT fk_tally_api_key_user FOREIGN KEY (api_user_id) REFERENCES tally_api_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The first answer to a request with an Idempotency-Key, returned again for repeats.
CREATE TABLE tally_idempotency (
    api_key_id   BIGINT        NOT NULL,
    idem_key     VARCHAR(200)  NOT NULL,
    status       INT           NOT NULL,
    body         TEXT          NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (api_key_id, idem_key),
    INDEX ix_tally_idempotency_time (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tally_settings (
    id                 INT           NOT NULL,
    booking_amount     INT           NOT NULL DEFAULT -1,
    currency           VARCHAR(10)   NOT NULL DEFAULT '€',
    responsible_email  VARCHAR(254)  NULL,
    self_registration  BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO tally_settings (id) VALUES (1);

-- Every notice Kontor sends (or could not send, e.g. without SMTP): nothing is lost.
CREATE TABLE tally_mail (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(30)    NOT NULL,
    recipient   VARCHAR(254)   NOT NULL,
    subject     VARCHAR(255)   NOT NULL,
    body        TEXT           NOT NULL,
    state       VARCHAR(10)    NOT NULL,
    error       VARCHAR(500)   NULL,
    created_at  DATETIME(6)    NOT NULL,
    sent_at     DATETIME(6)    NULL,
    PRIMARY KEY (id),
    INDEX ix_tally_mail_time (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
