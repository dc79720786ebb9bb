-- Which gateway instance fired each schedule last (the cluster's: one row per Quartz trigger, written when it
-- fires), and which instance executes each run (the run history's).
create table schedule_firing (
    trigger_name  text        primary key,   -- <group>.<name>, e.g. dvcsync.incremental
    instance_id   text        not null,
    fired_at      timestamptz not null
);
alter table run add column instance_id text;
