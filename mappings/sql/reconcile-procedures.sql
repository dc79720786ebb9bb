-- Procedures in force in the city, with the deadline to be public on the portal (null: none).
-- Output columns: code (national MaTTHC), name, public_deadline (a date).
select t.ma_tthc       as code,
       t.ten           as name,
       t.han_cong_khai as public_deadline
from city.thu_tuc t
where t.hieu_luc
order by t.ma_tthc
