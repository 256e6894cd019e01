-- Kontor's foundation: users and roles, API tokens, the audit log, UI preferences, demo-data bookkeeping.
-- Times are UTC (DATETIME(6)); texts are utf8mb4 with a case- and accent-insensitive collation.

CREATE TABLE app_user (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    username              VARCHAR(100) NOT NULL,
    display_name          VARCHAR(200) NOT NULL,
    email                 VARCHAR(254) NULL,
    password_hash         VARCHAR(255) NOT NULL,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL,
    last_login_at         DATETIME(6)  NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(30) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Bearer tokens for /api/**: short-lived ones from POST /api/auth/token and named personal ones.
-- Only a SHA-256 hash of the token is stored.
CREATE TABLE api_token (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    name          VARCHAR(100) NULL,
    token_hash    CHAR(64)     NOT NULL,
    token_prefix  VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NULL,
    last_used_at  DATETIME(6)  NULL,
    revoked_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    INDEX ix_api_token_user (user_id, kind),
    INDEX ix_api_token_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who changed what, when. Never updated, never deleted by the application.
CREATE TABLE audit_log (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at  DATETIME(6)   NOT NULL,
    username     VARCHAR(100)  NOT NULL,
    channel      VARCHAR(10)   NOT NULL,
    module       VARCHAR(40)   NOT NULL,
    entity_type  VARCHAR(60)   NOT NULL,
    entity_id    VARCHAR(64)   NULL,
    action       VARCHAR(40)   NOT NULL,
    summary      VARCHAR(500)  NOT NULL,
    details      TEXT          NULL,
    remote_addr  VARCHAR(45)   NULL,
    PRIMARY KEY (id),
    INDEX ix_audit_time (occurred_at),
    INDEX ix_audit_user_time (username, occurred_at),
    INDEX ix_audit_module_time (module, occurred_at),
    INDEX ix_audit_entity (entity_type, entity_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Language and colour scheme per user, remembered across sessions and devices.
CREATE TABLE user_preference (
    username      VARCHAR(100) NOT NULL,
    locale        VARCHAR(20)  NULL,
    color_scheme  VARCHAR(20)  NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which module's demo data has been loaded, so each is loaded once.
CREATE TABLE demo_data (
    name       VARCHAR(60) NOT NULL,
    loaded_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
