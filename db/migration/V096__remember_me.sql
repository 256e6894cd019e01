-- "Stay signed in": Spring Security's persistent remember-me tokens (the schema its JdbcTokenRepositoryImpl
-- uses). A browser keeps series and token in a cookie; each use replaces the token, and a stolen, reused
-- token ends the whole series. Ending a user's web sessions deletes their rows, so no cookie signs back in.
CREATE TABLE persistent_logins (
    username   VARCHAR(100) NOT NULL,
    series     VARCHAR(64)  NOT NULL,
    token      VARCHAR(64)  NOT NULL,
    last_used  DATETIME(3)  NOT NULL,
    PRIMARY KEY (series),
    INDEX ix_persistent_logins_user (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
