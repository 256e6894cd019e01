-- Server operations through the agent: Kontor's command-signing key, the commands with their results,
-- and what each node's owner allows.

create table monitoring_command_key (
    id              tinyint      not null primary key,
    key_id          varchar(32)  not null,
    -- X.509 SubjectPublicKeyInfo, base64
    public_key      varchar(200) not null,
    -- PKCS#8, base64, encrypted with the secret key
    private_key_enc varchar(500) not null,
    created_at      datetime(6)  not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table monitoring_command (
    id           bigint        not null auto_increment primary key,
    node_id      bigint        not null,
    capability   varchar(20)   not null,
    action       varchar(40)   not null,
    target       varchar(1000) not null,
    -- {"signal": "TERM", ...}
    arguments    text          not null,
    reason       varchar(500)  null,
    requested_by varchar(100)  not null,
    nonce        char(32)      not null,
    -- the signed command as the agent receives it (compact JWS)
    signed       text          null,
    -- PENDING (waits for the agent), SENT (fetched), DONE, FAILED (exit code not 0), REFUSED (by the agent), EXPIRED
    state        varchar(10)   not null,
    created_at   datetime(6)   not null,
    expires_at   datetime(6)   not null,
    sent_at      datetime(6)   null,
    finished_at  datetime(6)   null,
    exit_code    int           null,
    output       mediumtext    null,
    -- the structured answer of listings (JSON)
    data         longtext      null,
    unique key uk_monitoring_command_nonce (nonce),
    key ix_monitoring_command_node_state (node_id, state, id),
    constraint fk_monitoring_command_node foreign key (node_id) references monitoring_node (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- comma-separated capability names from the agent's latest report; null: never reported any
alter table monitoring_node add column agent_capabilities varchar(500) null;
