-- Admins who want the weekly monitoring report by e-mail, and the last week each one was sent
-- (the Monday it began), so a repeated or late run sends every week once.
create table monitoring_report_subscription (
    username     varchar(100) not null primary key,
    created_at   datetime(6)  not null,
    last_week    date         null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
