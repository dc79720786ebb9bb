-- Reconciliation results: one row per (record, category, field) per run, and the index estimate.
create table mismatch (
    run_id        text          not null references run (id),
    seq           bigint        not null,
    category      text          not null,
    record_type   text          not null,
    record_key    text          not null,
    unit_code     text,
    unit_name     text,
    field         text          not null default '',
    city_value    text,
    portal_value  text,
    impact_points numeric(12, 6) not null default 0,
    detected_at   timestamptz   not null,
    change        text          not null default 'NEW' check (change in ('NEW', 'PERSISTING')),
    primary key (run_id, seq)
);
create index mismatch_run_category_idx on mismatch (run_id, category, unit_code);
create index mismatch_run_key_idx on mismatch (run_id, category, record_key, field);

-- Estimated index groups of a run: city view and portal view side by side, per unit and province-wide ('').
create table index_estimate (
    run_id      text    not null references run (id),
    unit_code   text    not null,
    group_id    text    not null,
    city_score  numeric(12, 6),
    portal_score numeric(12, 6),
    max_score   numeric(12, 6) not null,
    primary key (run_id, unit_code, group_id)
);
