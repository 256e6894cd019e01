-- Who may reach Kontor from where. Times are UTC (DATETIME(6)).

-- Rules an admin enters: BLOCK refuses an address or network on sign-in and on the whole API;
-- ADMIN_ALLOW entries, when there are any, are the only networks an admin may sign in from.
-- until_at NULL: until removed.
CREATE TABLE access_rule (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(20)  NOT NULL,
    cidr        VARCHAR(64)  NOT NULL,
    comment     VARCHAR(500) NULL,
    until_at    DATETIME(6)  NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_access_rule_kind (kind, until_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed sign-ins per account (kind ACCOUNT) and per client address (kind ADDRESS), shared by every node:
-- failures counted since window_start; locked_until set once they reach the limit.
CREATE TABLE login_throttle (
    kind          VARCHAR(10)  NOT NULL,
    subject       VARCHAR(255) NOT NULL,
    failures      INT          NOT NULL,
    window_start  DATETIME(6)  NOT NULL,
    locked_until  DATETIME(6)  NULL,
    PRIMARY KEY (kind, subject),
    INDEX ix_login_throttle_locked (locked_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
