-- The session registry: every signed-in web UI session and every API token, so that users and admins see
-- them and can end them on any node. Times are UTC (DATETIME(6)).
-- session_hash is the SHA-256 of the web session's id (the id itself is a credential and is not stored);
-- API tokens point to their api_token row instead. Ending a session sets ended_at; every node checks it.
CREATE TABLE user_session (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    kind          VARCHAR(10)  NOT NULL,
    session_hash  CHAR(64)     NULL,
    token_id      BIGINT       NULL,
    user_id       BIGINT       NOT NULL,
    address       VARCHAR(64)  NULL,
    browser       VARCHAR(100) NULL,
    node          VARCHAR(100) NULL,
    started_at    DATETIME(6)  NOT NULL,
    last_seen_at  DATETIME(6)  NOT NULL,
    ended_at      DATETIME(6)  NULL,
    ended_by      VARCHAR(100) NULL,
    end_reason    VARCHAR(20)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_user_session_hash (session_hash),
    UNIQUE KEY uq_user_session_token (token_id),
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_session_token FOREIGN KEY (token_id) REFERENCES api_token (id) ON DELETE CASCADE,
    INDEX ix_user_session_user (user_id, ended_at),
    INDEX ix_user_session_ended (ended_at),
    INDEX ix_user_session_seen (last_seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Tokens issued before the registry existed are listed too (without address, browser and node).
INSERT INTO user_session (kind, token_id, user_id, started_at, last_seen_at)
SELECT 'API', id, user_id, created_at, COALESCE(last_used_at, created_at)
FROM api_token
WHERE revoked_at IS NULL;
