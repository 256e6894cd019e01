-- Administration of sign-in: two-factor sign-in and settings an admin changes at run time.
-- Times are UTC (DATETIME(6)).

-- Two-factor sign-in (TOTP): the key is encrypted with the secret key; a pending key waits for its first
-- code. totp_last_step is the last accepted 30-second step: a code of that step or earlier is refused,
-- so no code works twice, whichever node checks it.
ALTER TABLE app_user
    ADD COLUMN totp_secret        VARCHAR(255) NULL,
    ADD COLUMN totp_pending       VARCHAR(255) NULL,
    ADD COLUMN totp_enabled_at    DATETIME(6)  NULL,
    ADD COLUMN totp_last_step     BIGINT       NULL;

-- One-time recovery codes, SHA-256 of the code only.
CREATE TABLE totp_recovery_code (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    user_id     BIGINT      NOT NULL,
    code_hash   CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_totp_recovery_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    INDEX ix_totp_recovery_user (user_id, code_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A token from POST /api/auth/token that was obtained with a TOTP code counts as confirmed for
-- dangerous actions for a while after this time.
ALTER TABLE api_token
    ADD COLUMN second_factor_at DATETIME(6) NULL;

-- Settings an admin changes at run time (the environment gives the defaults).
CREATE TABLE app_setting (
    name        VARCHAR(100)  NOT NULL,
    value       VARCHAR(1000) NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
