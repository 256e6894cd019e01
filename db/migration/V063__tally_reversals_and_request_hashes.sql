-- A reversal ("Storno") books the opposite amount of a ledger entry and points at it. The unique key lets
-- an entry be reversed at most once, whatever two admins do at the same moment.
ALTER TABLE tally_entry
    ADD COLUMN reverses_id BIGINT NULL,
    ADD CONSTRAINT uk_tally_entry_reverses UNIQUE (reverses_id),
    ADD CONSTRAINT fk_tally_entry_reverses FOREIGN KEY (reverses_id) REFERENCES tally_entry (id);

-- SHA-256 of method, path and body of the request that first used an idempotency key: the same key with
-- another request is refused instead of answered with the first one's answer. Older rows have none.
ALTER TABLE tally_idempotency ADD COLUMN request_hash CHAR(64) NULL;

-- Keys are compared exactly: "abc" and "ABC " are two keys, not one.
ALTER TABLE tally_idempotency MODIFY idem_key VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
