-- Dead letters an admin closes without a replay (the ledger's): a FAILED row becomes ACKNOWLEDGED, with who closed
-- it, when, and why (for example "found on the portal"). Its last error stays, the record of what happened. The
-- dead-letter list holds only FAILED rows: what still needs someone.
alter table ledger drop constraint ledger_status_check;
alter table ledger add constraint ledger_status_check
    check (status in ('PENDING', 'DELIVERED', 'QUARANTINED', 'FAILED', 'SUPERSEDED', 'ACKNOWLEDGED'));
alter table ledger add column acknowledged_by text;
alter table ledger add column acknowledged_at timestamptz;
alter table ledger add column acknowledgement text;
create index ledger_quarantined_idx on ledger (reason, rule) where status = 'QUARANTINED';
