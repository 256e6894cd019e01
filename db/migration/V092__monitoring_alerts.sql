-- Monitoring alerts: channels (where notifications go), rules, alerts (pending, firing, resolved),
-- silences of nodes, and the delivery of every notification.

create table monitoring_channel (
    id          bigint       not null auto_increment primary key,
    name        varchar(100) not null,
    -- EMAIL or WEBHOOK
    type        varchar(10)  not null,
    -- webhooks: GENERIC, SLACK, TEAMS, NTFY, GOTIFY, TEMPLATE (e.g. an SMS gateway); null for e-mail
    format      varchar(10)  null,
    -- the addresses or the URL, encrypted with the secret key (URLs carry tokens)
    target      text         not null,
    -- what the user may see of the target: the addresses, or the URL's scheme and host
    target_hint varchar(255) not null,
    -- TEMPLATE webhooks: the body with {{placeholders}}
    template    text         null,
    created_at  datetime(6)  not null,
    archived_at datetime(6)  null,
    version     bigint       not null default 0,
    active_name varchar(100) as (if(archived_at is null, name, null)) persistent,
    unique key uk_monitoring_channel_active_name (active_name)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table monitoring_alert_rule (
    id          bigint       not null auto_increment primary key,
    name        varchar(100) not null,
    -- a metric name ("cpu", "disk:/var"), a family with a wildcard ("disk:*": every filesystem on its own),
    -- or a state: node.unreachable, services.failed, containers.exited
    metric      varchar(200) not null collate utf8mb4_bin,
    operator    varchar(2)   not null,
    threshold   double       not null,
    for_seconds int          not null,
    -- scope: the nodes listed in monitoring_alert_rule_node, else the nodes with this tag, else all nodes
    tag         varchar(50)  null,
    severity    varchar(10)  not null,
    enabled     boolean      not null default true,
    -- the shipped rules, inserted once each (a deleted one is not inserted again)
    builtin     varchar(40)  null,
    created_at  datetime(6)  not null,
    archived_at datetime(6)  null,
    version     bigint       not null default 0,
    unique key uk_monitoring_alert_rule_builtin (builtin)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table monitoring_alert_rule_node (
    rule_id bigint not null,
    node_id bigint not null,
    primary key (rule_id, node_id),
    constraint fk_monitoring_alert_rule_node_rule foreign key (rule_id) references monitoring_alert_rule (id),
    constraint fk_monitoring_alert_rule_node_node foreign key (node_id) references monitoring_node (id)
) engine = InnoDB;

create table monitoring_alert_rule_channel (
    rule_id    bigint not null,
    channel_id bigint not null,
    primary key (rule_id, channel_id),
    constraint fk_monitoring_alert_rule_channel_rule foreign key (rule_id) references monitoring_alert_rule (id),
    constraint fk_monitoring_alert_rule_channel_channel foreign key (channel_id) references monitoring_channel (id)
) engine = InnoDB;

-- One row per rule, node and matched metric from the moment the condition holds. PENDING rows whose
-- condition clears before the rule's time are deleted; FIRING rows become RESOLVED and stay as history.
create table monitoring_alert (
    id               bigint       not null auto_increment primary key,
    rule_id          bigint       not null,
    node_id          bigint       not null,
    metric           varchar(200) not null collate utf8mb4_bin,
    state            varchar(10)  not null,
    severity         varchar(10)  not null,
    threshold        double       not null,
    operator         varchar(2)   not null,
    value            double       null,
    started_at       datetime(6)  not null,
    fired_at         datetime(6)  null,
    -- hysteresis: since when the value has been back past the margin (resolves after a while of that)
    clear_since      datetime(6)  null,
    resolved_at      datetime(6)  null,
    acknowledged_at  datetime(6)  null,
    acknowledged_by  varchar(100) null,
    last_notified_at datetime(6)  null,
    notifications    int          not null default 0,
    open_key         varchar(260) collate utf8mb4_bin
                         as (if(state <> 'RESOLVED', concat(rule_id, ':', node_id, ':', metric), null)) persistent,
    unique key uk_monitoring_alert_open (open_key),
    key ix_monitoring_alert_state (state, started_at),
    key ix_monitoring_alert_started (started_at),
    constraint fk_monitoring_alert_rule foreign key (rule_id) references monitoring_alert_rule (id),
    constraint fk_monitoring_alert_node foreign key (node_id) references monitoring_node (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- A node's maintenance window: its alerts are evaluated and kept, but nobody is notified.
create table monitoring_silence (
    id         bigint       not null auto_increment primary key,
    node_id    bigint       not null,
    starts_at  datetime(6)  not null,
    ends_at    datetime(6)  not null,
    reason     varchar(200) null,
    created_by varchar(100) not null,
    created_at datetime(6)  not null,
    key ix_monitoring_silence_node (node_id, ends_at),
    constraint fk_monitoring_silence_node foreign key (node_id) references monitoring_node (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Every notification to every channel, with its state: PENDING, SENT, RETRYING (failed, tried again
-- later) or FAILED (gave up). E-mails are SENT once in the mail outbox, which retries on its own.
create table monitoring_delivery (
    id              bigint       not null auto_increment primary key,
    channel_id      bigint       not null,
    alert_id        bigint       null,
    -- FIRING, REMINDER, RESOLVED or TEST
    event           varchar(10)  not null,
    state           varchar(10)  not null,
    attempts        int          not null default 0,
    next_attempt_at datetime(6)  null,
    claimed_at      datetime(6)  null,
    error           varchar(500) null,
    created_at      datetime(6)  not null,
    sent_at         datetime(6)  null,
    key ix_monitoring_delivery_due (state, next_attempt_at),
    key ix_monitoring_delivery_channel (channel_id, created_at),
    constraint fk_monitoring_delivery_channel foreign key (channel_id) references monitoring_channel (id),
    constraint fk_monitoring_delivery_alert foreign key (alert_id) references monitoring_alert (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
