-- Tally self-service (issue 6): self-registration with an accepted privacy notice, password reset links.

ALTER TABLE tally_person ADD COLUMN privacy_accepted_at DATETIME(6) NULL;

ALTER TABLE tally_settings ADD COLUMN privacy_notice TEXT NULL;

-- A password reset link: only the SHA-256 of its token is kept; valid for one hour, usable once.
CREATE TABLE tally_password_reset (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    user_id     BIGINT        NOT NULL,
    token_hash  CHAR(64)      NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    used_at     DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_tally_password_reset_token UNIQUE (token_hash),
    CONSTRAINT fk_tally_password_reset_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
