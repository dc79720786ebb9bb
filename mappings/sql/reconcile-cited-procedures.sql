-- Procedure codes (MaTTHC) cited by the dossiers received in the period (:from <= received < :to).
-- Output column: code. Same procedure join as the dossier queries.
select distinct t.ma_tthc as code
from city.ho_so h
join city.thu_tuc t on t.id = h.thu_tuc_id
where h.ngay_tiep_nhan >= :from and h.ngay_tiep_nhan < :to
