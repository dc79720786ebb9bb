-- Every push attempt of a ledger row with the portal's answer (issue #12: a dossier's journey shows each one).
-- Written by the ledger where it records the attempt's outcome; read by the officials' Hồ sơ page.
create table push_attempt (
    id           bigserial    primary key,
    ledger_id    bigint       not null references ledger (id) on delete cascade,
    run_id       text,
    outcome      varchar(20)  not null,  -- DELIVERED | REFUSED | FAILED | DEAD_LETTER
    answer       text,
    attempted_at timestamptz  not null default now()
);
create index push_attempt_ledger_idx on push_attempt (ledger_id, attempted_at);
