-- Quartz serialises its cluster nodes with row locks on QRTZ_LOCKS and inserts each lock row on first use.
-- Two nodes starting at once on a fresh database both inserted it, and one failed to start. With the rows
-- in place from the start, the nodes only ever lock them. 'kontor' is org.quartz.scheduler.instanceName.
INSERT IGNORE INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) VALUES ('kontor', 'TRIGGER_ACCESS'), ('kontor', 'STATE_ACCESS');
