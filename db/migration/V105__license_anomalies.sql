-- What the license anomaly rules look at: the address and clock skew of each heartbeat, the seat
-- transfers with their time, and the anomalies found (one row per license and rule while it holds).
ALTER TABLE license_heartbeat
    ADD COLUMN client_address     VARCHAR(45) NULL,
    ADD COLUMN clock_skew_seconds BIGINT      NULL;

CREATE TABLE license_transfer (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    license_id      BIGINT       NOT NULL,
    activation_id   BIGINT       NOT NULL,
    transferred_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_license_transfer_license FOREIGN KEY (license_id) REFERENCES license (id),
    INDEX ix_license_transfer_license (license_id, transferred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE license_anomaly (
    license_id   BIGINT       NOT NULL,
    rule_name    VARCHAR(30)  NOT NULL,
    observed     BIGINT       NOT NULL,
    threshold    BIGINT       NOT NULL,
    detected_at  DATETIME(6)  NOT NULL,
    checked_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (license_id, rule_name),
    CONSTRAINT fk_license_anomaly_license FOREIGN KEY (license_id) REFERENCES license (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
