-- Token buckets of rate limits shared by every node (Bucket4j's serialized state, swapped by compare and set).
CREATE TABLE rate_limit_bucket (
    name        VARCHAR(255)    NOT NULL,
    state       VARBINARY(2048) NOT NULL,
    updated_at  DATETIME(6)     NOT NULL,
    PRIMARY KEY (name),
    INDEX ix_rate_limit_bucket_updated (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
