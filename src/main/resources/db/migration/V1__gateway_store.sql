-- The gateway's own store. The ledger is the one source of truth for where every city record version is.

-- Extraction watermarks: the last (cap_nhat_luc, id) read per stream.
create table watermark (
    name        text primary key,
    ts          timestamptz not null,
    id          bigint      not null,
    updated_at  timestamptz not null default now()
);

-- One row per city record version (dossier or progress step).
--   PENDING      waiting to be pushed (attempts and last_error tell of earlier tries)
--   DELIVERED    accepted by the portal
--   QUARANTINED  never to be sent as it is: reason, rule and message say why
--   FAILED       dead letter: retries exhausted; an admin replays it
--   SUPERSEDED   a newer version of the same record replaced it before it was sent
create table ledger (
    id              bigserial   primary key,
    record_type     text        not null check (record_type in ('DOSSIER', 'STEP')),
    record_key      text        not null,          -- MaHoSo, or MaHoSo/step id
    version         bigint      not null,          -- dossier: cap_nhat_luc in epoch µs; step: content hash
    parent_key      text,                          -- step: its dossier's MaHoSo
    unit_code       text,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'QUARANTINED', 'FAILED', 'SUPERSEDED')),
    reason          text,
    rule            text,
    message         text,
    payload         jsonb       not null,          -- the portal JSON to send
    attempts        int         not null default 0,
    last_error      text,
    next_attempt_at timestamptz,
    run_id          text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    unique (record_type, record_key, version)
);
create index ledger_pending_idx on ledger (record_type, id) where status = 'PENDING';
create index ledger_key_idx on ledger (record_key, record_type, version);
create index ledger_parent_idx on ledger (parent_key) where parent_key is not null;
create index ledger_run_idx on ledger (run_id);

-- Runs and their counts.
create table run (
    id           text        primary key,
    type         text        not null,
    status       text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at   timestamptz not null,
    finished_at  timestamptz,
    counts       jsonb       not null default '{}'::jsonb,
    error        text
);
create index run_started_idx on run (started_at desc);

-- Applicants to verify against the population database, one per dossier (its latest city data).
create table applicant_check (
    dossier_code    text        primary key,
    id_number       text        not null,
    full_name       text,
    birth_date      date,
    sex             smallint,
    procedure_code  text,
    unit_code       text,
    status          text        not null check (status in ('PENDING', 'CHECKED')),
    checked_at      timestamptz,
    updated_at      timestamptz not null default now()
);
create index applicant_check_pending_idx on applicant_check (dossier_code) where status = 'PENDING';

-- Population lookups, reused until they are older than dvcsync.population.cache-ttl.
create table population_cache (
    id_number   text        primary key,
    found       boolean     not null,
    full_name   text,
    birth       text,                             -- yyyyMMdd or yyyy
    sex         smallint,
    fetched_at  timestamptz not null
);

-- Current applicant findings per dossier (APPLICANT_NOT_FOUND, APPLICANT_DATA_MISMATCH).
create table applicant_finding (
    dossier_code  text        not null,
    category      text        not null,
    field         text        not null,
    city_value    text,
    portal_value  text,
    unit_code     text,
    detected_at   timestamptz not null,
    primary key (dossier_code, category, field)
);
