-- Licensing by Gitea repository access (issue 5).

-- Where a product on the GITEA backend looks: {base}/api/v1/repos/{organization}/{repository}, where
-- the repository name may contain {module} (the product code in lower case).
ALTER TABLE license_product
    ADD COLUMN gitea_base_url     VARCHAR(300) NULL AFTER backend,
    ADD COLUMN gitea_organization VARCHAR(100) NULL AFTER gitea_base_url,
    ADD COLUMN gitea_repository   VARCHAR(200) NULL AFTER gitea_organization;

-- The last answer Gitea gave for a token and product. Only the token's SHA-256 is kept here.
-- checked_at: last definite answer; succeeded_at: last answer that granted the license (the grace
-- period counts from it).
CREATE TABLE license_gitea_check (
    product_id    BIGINT         NOT NULL,
    token_hash    CHAR(64)       NOT NULL,
    repository    VARCHAR(600)   NOT NULL,
    valid         BOOLEAN        NOT NULL,
    reason        VARCHAR(40)    NULL,
    licensed_to   VARCHAR(255)   NULL,
    expires_on    DATE           NULL,
    features      VARCHAR(2000)  NOT NULL DEFAULT '',
    checked_at    DATETIME(6)    NOT NULL,
    succeeded_at  DATETIME(6)    NULL,
    PRIMARY KEY (product_id, token_hash),
    CONSTRAINT fk_license_gitea_check_product FOREIGN KEY (product_id) REFERENCES license_product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The license this Kontor holds for a module (a product): a Gitea token or a Kontor key, encrypted
-- with Kontor's secret key. Revoking deletes the row (the audit log keeps who did it and when).
CREATE TABLE license_module (
    product_id     BIGINT        NOT NULL,
    secret_enc     TEXT          NOT NULL,
    secret_hint    VARCHAR(12)   NOT NULL,
    registered_at  DATETIME(6)   NOT NULL,
    registered_by  VARCHAR(100)  NULL,
    PRIMARY KEY (product_id),
    CONSTRAINT fk_license_module_product FOREIGN KEY (product_id) REFERENCES license_product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
