-- License server: products with releases and client keys, licenses, activations, heartbeats, leases.

CREATE TABLE license_product (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    code                    VARCHAR(40)   NOT NULL,
    name                    VARCHAR(200)  NOT NULL,
    min_supported_version   VARCHAR(40)   NULL,
    match_rule              VARCHAR(20)   NOT NULL,
    heartbeat_minutes       INT           NOT NULL,
    grace_days              INT           NOT NULL,
    backend                 VARCHAR(10)   NOT NULL DEFAULT 'KEY',
    archived                BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at              DATETIME(6)   NOT NULL,
    updated_at              DATETIME(6)   NOT NULL,
    version                 BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_license_product_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE license_release (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    product_id    BIGINT        NOT NULL,
    version       VARCHAR(40)   NOT NULL,
    channel       VARCHAR(10)   NOT NULL,
    release_date  DATE          NOT NULL,
    notes         TEXT          NULL,
    download_url  VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_license_release UNIQUE (product_id, version),
    CONSTRAINT fk_license_release_product FOREIGN KEY (product_id) REFERENCES license_product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The key a vendor's software sends as X-API-Key: only its SHA-256 is stored.
CREATE TABLE license_client_key (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    product_id    BIGINT        NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    key_hash      CHAR(64)      NOT NULL,
    key_prefix    VARCHAR(16)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    last_used_at  DATETIME(6)   NULL,
    revoked_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_license_client_key_hash UNIQUE (key_hash),
    CONSTRAINT fk_license_client_key_product FOREIGN KEY (product_id) REFERENCES license_product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE license (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    license_key      VARCHAR(24)   NOT NULL,
    product_id       BIGINT        NOT NULL,
    customer_id      BIGINT        NOT NULL,
    type             VARCHAR(15)   NOT NULL,
    valid_from       DATE          NOT NULL,
    valid_until      DATE          NULL,
    max_activations  INT           NOT NULL,
    status           VARCHAR(15)   NOT NULL,
    notes            TEXT          NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    -- keys are never reused: licenses are never deleted, only revoked
    CONSTRAINT uk_license_key UNIQUE (license_key),
    CONSTRAINT fk_license_product FOREIGN KEY (product_id) REFERENCES license_product (id),
    CONSTRAINT fk_license_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    INDEX ix_license_customer (customer_id),
    INDEX ix_license_product_status (product_id, status),
    INDEX ix_license_valid_until (valid_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE license_feature (
    license_id  BIGINT       NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    PRIMARY KEY (license_id, name),
    CONSTRAINT fk_license_feature_license FOREIGN KEY (license_id) REFERENCES license (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE license_limit (
    license_id  BIGINT       NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    max_value   BIGINT       NOT NULL,
    PRIMARY KEY (license_id, name),
    CONSTRAINT fk_license_limit_license FOREIGN KEY (license_id) REFERENCES license (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE license_activation (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    license_id        BIGINT        NOT NULL,
    mac               VARCHAR(64)   NULL,
    cpu_id            VARCHAR(128)  NULL,
    system_uuid       VARCHAR(64)   NULL,
    hostname          VARCHAR(255)  NULL,
    app_version       VARCHAR(40)   NULL,
    state             VARCHAR(15)   NOT NULL,
    transfer_pending  BOOLEAN       NOT NULL DEFAULT FALSE,
    transfer_count    INT           NOT NULL DEFAULT 0,
    first_seen_at     DATETIME(6)   NOT NULL,
    last_seen_at      DATETIME(6)   NOT NULL,
    deactivated_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_license_activation_license FOREIGN KEY (license_id) REFERENCES license (id),
    INDEX ix_license_activation_license (license_id, state),
    INDEX ix_license_activation_seen (state, last_seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every client ping. Partitioned by month (the job LicenseMaintenanceJob adds months ahead and drops
-- months older than the retention after rolling them up into license_usage_daily). No foreign keys:
-- MariaDB does not allow them on partitioned tables.
CREATE TABLE license_heartbeat (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    received_at    DATETIME(6)  NOT NULL,
    license_id     BIGINT       NOT NULL,
    activation_id  BIGINT       NOT NULL,
    app_version    VARCHAR(40)  NULL,
    usage_json     TEXT         NULL,
    PRIMARY KEY (id, received_at),
    INDEX ix_license_heartbeat_license (license_id, received_at),
    INDEX ix_license_heartbeat_activation (activation_id, received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
PARTITION BY RANGE (TO_DAYS(received_at)) (
    PARTITION pmax VALUES LESS THAN MAXVALUE
);

-- What is kept of heartbeats once their month is dropped: per license, day and usage counter.
CREATE TABLE license_usage_daily (
    license_id   BIGINT       NOT NULL,
    day          DATE         NOT NULL,
    counter      VARCHAR(60)  NOT NULL,
    heartbeats   INT          NOT NULL,
    devices      INT          NOT NULL,
    max_value    BIGINT       NULL,
    PRIMARY KEY (license_id, day, counter)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The Ed25519 key pair that signs offline leases. The private key is encrypted with Kontor's secret key.
CREATE TABLE license_signing_key (
    id               INT          NOT NULL,
    key_id           VARCHAR(32)  NOT NULL,
    public_key       TEXT         NOT NULL,
    private_key_enc  TEXT         NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
