-- Issue #14: ledger_key_idx (record_key, record_type, version) repeated the unique key (record_type, record_key,
-- version) in another order. Every query of the ledger by record_key names its record_type too, so the unique key's
-- index serves them all; the extra index only cost staging time (a fifth of the insert of a first full extraction,
-- millions of rows when a city's history is adopted).
drop index if exists ledger_key_idx;
