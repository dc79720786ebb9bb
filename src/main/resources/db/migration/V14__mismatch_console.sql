-- The officials' console (issue #12): a dossier's mismatches over every run (the Hồ sơ page), and a unit's rows of
-- a run largest impact first (the Đơn vị page, the mismatch list filtered by unit, an official bound to units).
create index if not exists mismatch_record_key_idx on mismatch (record_key);
create index if not exists mismatch_run_unit_impact_idx on mismatch (run_id, unit_code, impact_points desc, seq);
