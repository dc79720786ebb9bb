-- Which of these dossier codes (:codes, at most a thousand) were received in the period
-- (:from <= received < :to). Output column: code.
select h.ma_ho_so as code
from city.ho_so h
where h.ma_ho_so in (:codes)
  and h.ngay_tiep_nhan >= :from and h.ngay_tiep_nhan < :to
