-- Dossiers received in the reconciliation period, in MaHoSo byte order: the city side of the nightly
-- comparison with the portal, streamed with a fetch size. Same output columns (the canonical dossier)
-- as extract-dossiers.sql; a city adapts the FROM/JOIN part and the two column names in WHERE and ORDER BY.
-- Parameters: :from, :to (from <= received < to). The order MUST be byte order (COLLATE "C"), the order of
-- the portal's DanhSachHoSo: the comparison merges the two sorted streams and stops if the order is broken.
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
where h.ngay_tiep_nhan >= :from and h.ngay_tiep_nhan < :to
order by h.ma_ho_so collate "C"
