-- A check value of the key that encrypts stored secrets (an HMAC of a fixed text, not the key): every node of
-- a cluster must use the same key, and a node whose key does not match refuses to start.
CREATE TABLE secret_key_check (
    id          INT           NOT NULL,
    check_value VARCHAR(100)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
