-- Progress steps of a set of dossiers (:ids), in processing order.
select s.id          as id,
       s.ho_so_id    as dossier_id,
       h.ma_ho_so    as dossier_code,
       s.thoi_diem   as at,
       s.nguoi_xu_ly as handler,
       s.chuc_danh   as title,
       s.phong_ban   as department,
       s.noi_dung    as content,
       s.trang_thai  as status,
       s.han_xu_ly   as deadline
from city.tien_do s
join city.ho_so h on h.id = s.ho_so_id
where s.ho_so_id in (:ids)
order by s.ho_so_id, s.thoi_diem, s.id
