-- Runs whose instance died. The instance executing a run refreshes its heartbeat_at every third of
-- min(dvcsync.ledger.lease, dvcsync.run.abandoned-after); a RUNNING run whose heartbeat is older than
-- dvcsync.run.abandoned-after was abandoned (its JVM killed or its machine gone) and is marked FAILED, with
-- finished_at = its last heartbeat, by the next instance that starts or starts a run. Times are the store's
-- clock (now()), so instances on machines whose clocks differ agree.
alter table run add column heartbeat_at timestamptz not null default now();
update run set heartbeat_at = coalesce(finished_at, started_at);
create index run_running_idx on run (heartbeat_at) where status = 'RUNNING';
