-- Issue #14: what the nightly run's first comparison found of each city dossier on the portal, kept for that run
-- only. Written before the full extraction, so that staging records a dossier the portal already holds as the city
-- does as adopted (DELIVERED, reason ADOPTED) in the same insert, with the steps the policy takes as on the portal,
-- instead of staging every row PENDING and rewriting millions of them afterwards. Read again by the healing that
-- follows the extraction, then deleted. Owned by the ledger (vn.dvcsync.ledger.Ledger).
-- Unlogged: a crash empties it, which costs only that the next nightly compares again (it does anyway).
create unlogged table portal_copy (
    run_id         text    not null,
    record_key     text    not null,  -- MaHoSo
    version        bigint  not null,  -- the city version compared (cap_nhat_luc in epoch µs)
    unit_code      text,
    held           boolean not null,  -- the portal holds a copy (false: it lacks the dossier)
    identical      boolean not null,  -- the copy is equal on every compared field, and fresh
    portal_updated text,              -- the copy's NgayCapNhat (yyyyMMddHHmmss, Vietnam time)
    steps_until    text,              -- steps whose ThoiDiemXuLy is not after it are on the portal; null: send all
    primary key (run_id, record_key)
);
