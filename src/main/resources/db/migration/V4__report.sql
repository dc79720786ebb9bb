-- Reports: impact to 12 decimals (one dossier in a million moves a 6-point ratio by 0.000006);
-- the index ratios a row carries the impact of (bit i = i-th ratio of index-model.yaml: a record counts
-- once per ratio, on its first row); the biggest impact first without sorting the run.
alter table mismatch alter column impact_points type numeric(20, 12);
alter table mismatch add column ratios bigint not null default 0;
create index mismatch_run_impact_idx on mismatch (run_id, impact_points desc, seq);

-- The index estimate as reports show it: unit and group names, groups in the model's order.
alter table index_estimate add column unit_name text;
alter table index_estimate add column group_name text;
alter table index_estimate add column position int not null default 0;

-- Where a run's rows wait until the reconciliation ends (no index, not WAL-logged: fast to fill); they are
-- then priced and marked NEW or PERSISTING on their way into mismatch, in one pass.
create unlogged table mismatch_staging (
    run_id        text        not null,
    seq           bigint      not null,
    category      text        not null,
    record_type   text        not null,
    record_key    text        not null,
    unit_code     text,
    unit_name     text,
    field         text        not null,
    city_value    text,
    portal_value  text,
    ratios        bigint      not null,
    detected_at   timestamptz not null
);
