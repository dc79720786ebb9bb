-- The city's dossiers as canonical dossiers: the one select list of every dossier read (extraction and
-- reconciliation). A city adapts the gateway to its own schema here: keep the output column names (the
-- canonical dossier), change the expressions and the FROM/JOIN part. No WHERE, ORDER BY or LIMIT: the
-- gateway wraps this query, `select * from (<this file>) d where ... order by ...`:
--   extraction, one page after a watermark: (d.updated_at, d.id) > (:after_ts, :after_id), in (updated_at, id)
--     order, at most :limit rows;
--   reconciliation, the dossiers received in a period: :from <= d.received_at < :to, in code byte order
--     (COLLATE "C", the order of the portal's DanhSachHoSo).
-- PostgreSQL plans the wrapped query as if the conditions were written on the columns here, so an index on
-- cap_nhat_luc, id or ngay_tiep_nhan serves as before.
-- Left joins, so that a dossier with a broken reference still reaches validation and is
-- quarantined with a named rule instead of vanishing.
select h.id                    as id,
       h.ma_ho_so              as code,
       t.ma_tthc               as procedure_code,
       t.ten                   as procedure_name,
       t.ma_linh_vuc           as field_code,
       t.ten_linh_vuc          as field_name,
       d.ma_dinh_danh          as unit_code,
       d.ten                   as unit_name,
       c.id                    as applicant_id,
       c.loai_doi_tuong        as applicant_kind,
       c.so_dinh_danh          as applicant_id_number,
       c.ho_ten                as applicant_name,
       c.ngay_sinh             as applicant_birth_date,
       c.gioi_tinh             as applicant_sex,
       c.dien_thoai            as applicant_phone,
       c.email                 as applicant_email,
       c.dia_chi               as applicant_address,
       h.trich_yeu             as summary,
       h.kenh                  as channel,
       h.trang_thai            as status,
       h.ngay_nop              as submitted_at,
       h.ngay_tiep_nhan        as received_at,
       h.ngay_hen_tra          as due_at,
       h.ngay_ket_thuc_xu_ly   as finished_at,
       h.ngay_tra              as returned_at,
       h.thanh_toan_truc_tuyen as paid_online,
       h.co_so_hoa             as digitised,
       h.xac_thuc_vneid        as vneid_verified,
       h.cap_nhat_luc          as updated_at
from city.ho_so h
left join city.thu_tuc t   on t.id = h.thu_tuc_id
left join city.don_vi d    on d.id = h.don_vi_id
left join city.chu_ho_so c on c.id = h.chu_ho_so_id
