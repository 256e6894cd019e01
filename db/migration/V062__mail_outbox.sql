-- The e-mail outbox moves from the tally module into base: every module sends through it.
CREATE TABLE mail_outbox (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    module          VARCHAR(20)    NOT NULL,
    kind            VARCHAR(30)    NOT NULL,
    recipient       VARCHAR(254)   NOT NULL,
    subject         VARCHAR(255)   NOT NULL,
    body            TEXT           NOT NULL,
    state           VARCHAR(10)    NOT NULL,
    error           VARCHAR(500)   NULL,
    attempts        INT            NOT NULL DEFAULT 0,
    created_at      DATETIME(6)    NOT NULL,
    claimed_at      DATETIME(6)    NULL,
    next_attempt_at DATETIME(6)    NULL,
    sent_at         DATETIME(6)    NULL,
    PRIMARY KEY (id),
    INDEX ix_mail_outbox_time (created_at),
    INDEX ix_mail_outbox_due (state, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO mail_outbox (module, kind, recipient, subject, body, state, error, attempts, created_at, sent_at)
SELECT 'tally', kind, recipient, subject, body,
       CASE WHEN state = 'PENDING' THEN 'FAILED' ELSE state END,
       error,
       CASE WHEN state IN ('SENT', 'FAILED') THEN 1 ELSE 0 END,
       created_at, sent_at
FROM tally_mail ORDER BY id;

DROP TABLE tally_mail;
