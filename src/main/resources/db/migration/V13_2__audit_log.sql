-- The audit log (the audit package's): every admin action, who made it, when, from which address and what.
-- Append-only: the gateway inserts rows and never changes them. A trigger refuses UPDATE, DELETE and TRUNCATE
-- whoever asks (the table's owner and a superuser too, short of disabling triggers); the role that migrates the
-- store also gives up those privileges on it. An installation whose gateway connects with another role than the
-- one that migrates grants that role SELECT and INSERT on audit_log (and USAGE on its sequence) only.
create table audit_log (
    id       bigserial   primary key,
    at       timestamptz not null default now(),
    actor    text        not null,
    address  text,
    action   text        not null,
    target   text,
    details  jsonb       not null default '{}'::jsonb
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_action_idx on audit_log (action, at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = '42501';
end
$$;
create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
revoke update, delete, truncate on audit_log from current_user;
