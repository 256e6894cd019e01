-- 3D printers on Tapo P110 plugs (issue 7).

-- Default Tapo account for plugs without their own credentials (password encrypted with the secret key).
CREATE TABLE printer_settings (
    id                    INT           NOT NULL,
    default_username      VARCHAR(254)  NULL,
    default_password_enc  VARCHAR(500)  NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO printer_settings (id) VALUES (1);

CREATE TABLE printer (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    name                   VARCHAR(100)  NOT NULL,
    model                  VARCHAR(100)  NULL,
    location               VARCHAR(100)  NULL,
    plug_host              VARCHAR(255)  NOT NULL,
    plug_port              INT           NOT NULL DEFAULT 80,
    -- own Tapo account of the plug; both null: the default account of printer_settings
    plug_username          VARCHAR(254)  NULL,
    plug_password_enc      VARCHAR(500)  NULL,
    idle_watts             DECIMAL(8,2)  NOT NULL DEFAULT 10,
    warmup_minutes         INT           NOT NULL DEFAULT 5,
    active                 BOOLEAN       NOT NULL DEFAULT TRUE,
    notes                  TEXT          NULL,
    -- last known state from polling or switching
    power_on               BOOLEAN       NULL,
    power_watts            DECIMAL(10,3) NULL,
    energy_today_kwh       DECIMAL(12,3) NULL,
    energy_month_kwh       DECIMAL(12,3) NULL,
    energy_total_wh        DECIMAL(14,1) NULL,
    last_contact_at        DATETIME(6)   NULL,
    failures               INT           NOT NULL DEFAULT 0,
    next_poll_at           DATETIME(6)   NULL,
    last_error             VARCHAR(500)  NULL,
    archived_at            DATETIME(6)   NULL,
    created_at             DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_printer_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Power readings for the 24 h chart; older rows are deleted (kontor.printer.sample-retention).
CREATE TABLE printer_sample (
    printer_id  BIGINT         NOT NULL,
    sampled_at  DATETIME(6)    NOT NULL,
    watts       DECIMAL(10,3)  NOT NULL,
    PRIMARY KEY (printer_id, sampled_at),
    CONSTRAINT fk_printer_sample_printer FOREIGN KEY (printer_id) REFERENCES printer (id),
    INDEX ix_printer_sample_time (sampled_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Reservations ("jobs"): a member's time slot on a printer; Quartz switches the power around it.
CREATE TABLE printer_reservation (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    printer_id      BIGINT        NOT NULL,
    username        VARCHAR(100)  NOT NULL,
    display_name    VARCHAR(200)  NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    starts_at       DATETIME(6)   NOT NULL,
    ends_at         DATETIME(6)   NOT NULL,
    -- PLANNED, ACTIVE, OVERRUN, DONE, CANCELLED
    state           VARCHAR(10)   NOT NULL,
    powered_on_at   DATETIME(6)   NULL,
    powered_off_at  DATETIME(6)   NULL,
    energy_start_wh DECIMAL(14,1) NULL,
    energy_wh       DECIMAL(14,1) NULL,
    overrun_checks  INT           NOT NULL DEFAULT 0,
    -- since when the power has been below the printer's idle threshold (end-of-reservation check)
    idle_since      DATETIME(6)   NULL,
    -- when the printer was last seen drawing more than its idle threshold after the end
    last_busy_at    DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_printer_reservation_printer FOREIGN KEY (printer_id) REFERENCES printer (id),
    INDEX ix_printer_reservation_time (printer_id, starts_at, ends_at),
    INDEX ix_printer_reservation_user (username, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
