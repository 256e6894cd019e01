-- Monitoring: nodes (servers with an agent, and Kontor's own), their series, samples and rollups.

create table monitoring_node (
    id                bigint       not null auto_increment primary key,
    name              varchar(100) not null,
    -- SHA-256 (hex) of the node token; null for Kontor's own server, which reports in-process
    token_hash        char(64)     null,
    token_prefix      varchar(8)   null,
    -- Kontor's own server: the host name of the Kontor instance that collects it
    local_host        varchar(255) null,
    created_at        datetime(6)  not null,
    last_seen_at      datetime(6)  null,
    last_sample_at    datetime     null,
    agent_version     varchar(40)  null,
    agent_hostname    varchar(255) null,
    agent_address     varchar(64)  null,
    -- the newest value of every metric: {"at": epoch seconds, "values": {"cpu": 12.5, ...}}
    latest_values     longtext     null,
    -- the newest inventory as the agent sent it (facts, processes, ports, containers, failed units)
    inventory         longtext     null,
    inventory_at      datetime(6)  null,
    -- samples older than what the rollups have passed arrived (an agent's buffer): roll again from here
    rollup_dirty_from datetime     null,
    archived_at       datetime(6)  null,
    version           bigint       not null default 0,
    active_name       varchar(100) as (if(archived_at is null, name, null)) persistent,
    unique key uk_monitoring_node_token (token_hash),
    unique key uk_monitoring_node_local (local_host),
    unique key uk_monitoring_node_active_name (active_name)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table monitoring_node_tag (
    node_id bigint      not null,
    tag     varchar(50) not null,
    primary key (node_id, tag),
    key ix_monitoring_node_tag (tag),
    constraint fk_monitoring_node_tag_node foreign key (node_id) references monitoring_node (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- One row per node and metric name ("cpu", "disk:/var", "net.rx:eth0"); names are case-sensitive.
create table monitoring_series (
    id      int          not null auto_increment primary key,
    node_id bigint       not null,
    name    varchar(200) not null collate utf8mb4_bin,
    unique key uk_monitoring_series (node_id, name),
    constraint fk_monitoring_series_node foreign key (node_id) references monitoring_node (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Raw samples, partitioned by day (partitions are created ahead and dropped after the retention by
-- the monitoring maintenance; until the first run everything lands in pmax). Partitioned tables
-- have no foreign keys in MariaDB: series rows are never deleted.
create table monitoring_sample (
    series_id int      not null,
    at        datetime not null,
    value     double   not null,
    primary key (series_id, at),
    key ix_monitoring_sample_at (at)
) engine = InnoDB
  partition by range columns (at) (partition pmax values less than (maxvalue));

create table monitoring_rollup_minute (
    series_id int      not null,
    at        datetime not null,
    avg_value double   not null,
    min_value double   not null,
    max_value double   not null,
    samples   int      not null,
    primary key (series_id, at),
    key ix_monitoring_rollup_minute_at (at)
) engine = InnoDB
  partition by range columns (at) (partition pmax values less than (maxvalue));

create table monitoring_rollup_hour (
    series_id int      not null,
    at        datetime not null,
    avg_value double   not null,
    min_value double   not null,
    max_value double   not null,
    samples   int      not null,
    primary key (series_id, at),
    key ix_monitoring_rollup_hour_at (at)
) engine = InnoDB
  partition by range columns (at) (partition pmax values less than (maxvalue));

-- How far each rollup level has been computed (exclusive end).
create table monitoring_rollup_state (
    level      varchar(10) not null primary key,
    done_until datetime    null
) engine = InnoDB;

insert into monitoring_rollup_state (level, done_until) values ('minute', null), ('hour', null);

-- Bearer tokens for Prometheus scrapes of /actuator/prometheus and /api/monitoring/federate.
create table monitoring_scrape_token (
    id           bigint       not null auto_increment primary key,
    name         varchar(100) not null,
    token_hash   char(64)     not null,
    token_prefix varchar(8)   not null,
    created_at   datetime(6)  not null,
    created_by   varchar(100) not null,
    last_used_at datetime(6)  null,
    revoked_at   datetime(6)  null,
    unique key uk_monitoring_scrape_token (token_hash)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
