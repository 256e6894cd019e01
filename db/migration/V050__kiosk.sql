-- Kiosk displays (issue 8): Raspberry Pi screens showing the printer board.

CREATE TABLE kiosk_device (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(100)  NOT NULL,
    location        VARCHAR(100)  NULL,
    -- what the board shows of people: NONE (nothing) or FIRST_NAMES (first names on reservations)
    privacy         VARCHAR(20)   NOT NULL DEFAULT 'NONE',
    announcement    VARCHAR(500)  NULL,
    screen_on_from  TIME          NULL,
    screen_on_until TIME          NULL,
    token_hash      CHAR(64)      NULL,
    token_prefix    VARCHAR(12)   NULL,
    active          BOOLEAN       NOT NULL DEFAULT TRUE,
    last_seen_at    DATETIME(6)   NULL,
    browser         VARCHAR(200)  NULL,
    screen_size     VARCHAR(40)   NULL,
    archived_at     DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_kiosk_device_token UNIQUE (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A screen waiting to be paired shows a short code; an admin enters it and picks the kiosk.
CREATE TABLE kiosk_pairing (
    code        CHAR(6)       NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    kiosk_id    BIGINT        NULL,
    -- the device token for the waiting screen, encrypted, until it has picked it up
    token_enc   VARCHAR(500)  NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
