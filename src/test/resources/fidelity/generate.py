#!/usr/bin/env python3
"""Writes the fidelity fixture (issue 8, item 7) from the contracts alone (../shared/contracts/):
city.sql (reference schema + data), catalogue.json, population.json, portal-copy.json (the portal's copy for the
reconcile test, without SoDienThoai/Email, with planted differences) and portal-expected.json / steps-expected.json
(what a faithful push per portal-api.md puts on the portal). Deterministic: fixed seed, fixed dates.
The answer keys (answer-key.csv, withheld.csv) are NOT written here: they are typed by hand from the contracts.
Run: python3 generate.py (in this folder)."""
import json, random, unicodedata
from datetime import datetime, timedelta, timezone

VN = timezone(timedelta(hours=7))
rnd = random.Random(8766)
NFD = lambda s: unicodedata.normalize('NFD', s)
NFC = lambda s: unicodedata.normalize('NFC', s)

UNITS = [  # id, code, name as the city stores it, cap
    (1, '000.00.00.H26', 'Ủy ban nhân dân Thành phố Hà Nội', 'TINH'),
    (2, '000.00.04.H26', 'Sở Tư pháp', 'TINH'),
    (3, '000.00.21.H26', NFD('UBND quận Ba Đình'), 'HUYEN'),
    (4, '000.21.01.H26', 'UBND phường  Phúc Xá', 'XA'),
]
# id, ma_tthc, ten (city), lv, ten lv, muc_do, deadline, in_force, catalogue: None = absent, else (public, since)
PROCS = [
    (1, '1.001612.000.00.00.H26', 'Đăng ký khai sinh', 'HT', 'Hộ tịch', 'TOAN_TRINH', '2025-01-10', True, (True, '20250105')),
    (2, '1.000894.000.00.00.H26', NFD('Cấp giấy phép xây dựng'), 'XD', 'Xây dựng', 'MOT_PHAN', '2025-02-01', True, (True, '20250201')),
    (3, '2.000100.000.00.00.H26', 'Đăng ký hộ kinh doanh', 'KD', 'Thành lập và hoạt động của hộ kinh doanh', 'MOT_PHAN', '2025-02-15', True, (False, None)),
    (4, '1.004227.000.00.00.H26', 'Cấp bản sao trích lục hộ tịch', 'HT', 'Hộ tịch', 'TOAN_TRINH', '2025-03-01', True, (True, '20250315')),
    (5, '1.999999.000.00.00.H26', 'Thủ tục mới chưa có trên Cổng', 'HT', 'Hộ tịch', 'TRUC_TIEP', '2025-06-01', True, None),
    (6, '1.888888.000.00.00.H26', 'Thủ tục đã bãi bỏ', 'XD', 'Xây dựng', 'TRUC_TIEP', None, False, None),
    (7, '1.002000.000.00.00.H26', 'Chứng thực bản sao từ bản chính', 'CT', 'Chứng thực', 'TRUC_TIEP', None, True, (True, None)),
    (8, '1.003003.000.00.00.H26', 'Đăng ký kết hôn', 'HT', 'Hộ tịch', 'MOT_PHAN', None, True, (False, None)),
]
PROC = {p[0]: p for p in PROCS}
STATUS = {'MOI_DANG_KY': '1', 'MOI_TIEP_NHAN': '2', 'TU_CHOI': '3', 'DANG_XU_LY': '4', 'CHO_BO_SUNG': '5',
          'CHO_NVTC': '6', 'RUT_HO_SO': '7', 'DUNG_XU_LY': '8', 'DA_CO_KET_QUA': '9', 'DA_TRA_KET_QUA': '10',
          'LIEN_THONG': '0'}
HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý']
DEM_M = ['Văn', 'Hữu', 'Đức', 'Quang', 'Minh', 'Thế']
DEM_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Hồng', 'Diệu']
TEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Hưng', 'Khánh', 'Long', 'Phúc', 'Quyết', 'Sơn', 'Tuấn', 'Việt']
TEN_F = ['Anh', 'Chi', 'Hường', 'Lan', 'Linh', 'Mai', 'Nga', 'Oanh', 'Phượng', 'Thảo', 'Uyên', 'Yến']

applicants = []   # dicts: id, loai, so, ho_ten (city), ngay_sinh, gioi_tinh, phone, email, addr, pop (citizen or None)
def citizen(aid, ho, dem, ten, sex, birth, city_name=None, serial=None, pop=True, pop_override=None, id_number=None):
    y = int(birth[:4])
    d4 = ('0' if sex == 1 else '1') if y < 2000 else ('2' if sex == 1 else '3')
    so = id_number or ('001' + d4 + birth[2:4] + '%06d' % (serial if serial is not None else aid))
    name = city_name if city_name is not None else ' '.join([ho, dem, ten])
    a = dict(id=aid, loai=1, so=so, ho_ten=name, ngay_sinh=birth, gioi_tinh=sex,
             phone='09%08d' % (aid * 7919 % 100000000), email='cd%d@example.vn' % aid, addr='Số %d phố Hàng Bông' % aid)
    if pop:
        p = dict(soDinhDanh=so, ho=ho, chuDem=dem, ten=ten, gioiTinh=sex, ngayThangNam=birth.replace('-', ''))
        p.update(pop_override or {})
        a['pop'] = p
    applicants.append(a)
    return a

for i in range(1, 281):
    sex = 1 if i % 2 else 2
    ho, dem, ten = rnd.choice(HO), rnd.choice(DEM_M if sex == 1 else DEM_F), rnd.choice(TEN_M if sex == 1 else TEN_F)
    birth = '%04d-%02d-%02d' % (rnd.randint(1950, 2006), rnd.randint(1, 12), rnd.randint(1, 28))
    a = citizen(i, ho, dem, ten, sex, birth)
    if i % 20 == 0:            # stored in NFD by the city (population and portal hold NFC)
        a['ho_ten'] = NFD(a['ho_ten'])
    if i % 9 == 0:             # no contact details at all
        a['phone'] = None; a['email'] = None
for i in range(281, 301):      # organisations: tax codes, no population lookup
    applicants.append(dict(id=i, loai=2 if i % 2 else 4, so='0101%06d' % i,
                           ho_ten=(NFD if i % 3 == 0 else str)('Công ty TNHH Thương mại Hà Thành %d' % i),
                           ngay_sinh=None, gioi_tinh=None, phone=None, email=None, addr='Hà Nội', pop=None))
# the applicants the answer key names (ids 900+)
A_MANY = citizen(900, 'Nguyễn', 'Thị', 'Hường', 2, '1988-04-12', city_name=NFD('Nguyễn Thị Hường'))
A_CASE = citizen(901, 'Trần', 'Văn', 'Bình', 1, '1979-11-02', city_name='  TRẦN   văn  bình ')
A_YEAR = citizen(902, 'Lê', 'Thị', 'Lan', 2, '1941-06-30', pop_override=dict(ngayThangNam='1941'))
A_NF   = citizen(903, 'Phạm', 'Quang', 'Sơn', 1, '1990-01-20', pop=False)
A_NAME = citizen(904, 'Vũ', 'Đức', 'Việt', 1, '1985-08-08', city_name='Vu Duc Viet')    # diacritics count
A_SEX  = citizen(905, 'Đỗ', 'Thu', 'Thảo', 2, '1995-03-03', pop_override=dict(gioiTinh=1))
A_IDY  = citizen(906, 'Bùi', 'Minh', 'Long', 1, '1975-09-09', id_number='001003000906')   # year digits 03, born 1975
A_IDP  = citizen(907, 'Ngô', 'Hồng', 'Nga', 2, '1992-12-12', id_number='099192000907')   # 099 is no province
A_OLD  = citizen(908, 'Dương', 'Văn', 'An', 1, '1960-02-02', id_number='012345678')        # 9-digit old ID card
A_NOID = dict(id=909, loai=1, so=None, ho_ten='Lý Thị Mai', ngay_sinh='1999-09-19', gioi_tinh=2, phone=None, email=None, addr=None, pop=None)
# an organisation (never looked up in the population database) whose name holds a control character (ESC)
A_CTRL = dict(id=911, loai=2, so='0109000911', ho_ten='Công ty\x1b Cổ phần Hà Thành', ngay_sinh=None, gioi_tinh=None, phone=None, email=None, addr=None, pop=None)
applicants += [A_NOID, A_CTRL]
APP = {a['id']: a for a in applicants}
PLAIN = [a for a in applicants if a['id'] < 281 and a['id'] % 20 != 0]   # citizens with names in NFC
ORDINARY = [a for a in applicants if a['id'] < 300 and a['loai'] == 1] + [a for a in applicants if 280 < a['id'] < 301]

dossiers = []  # dicts with city columns
steps = []
SUMMARIES = ['Đăng ký khai sinh cho con', 'Xin cấp phép xây dựng nhà ở riêng lẻ', 'Chứng thực bản sao giấy tờ',
             "Robert'); DROP TABLE city.ho_so;--", "x' OR '1'='1", 'Đề nghị cấp lại; UNION SELECT * FROM users',
             '/* ghi chú */ hồ sơ bổ sung', NFD('Hồ sơ của ông Nguyễn Văn Hưởng, phường Phúc Xá'),
             'Tiếng Việt có dấu: ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ', 'Sổ đỏ số "AB 123456" — thửa 45, tờ 7']

def t(s):
    return datetime.strptime(s, '%Y-%m-%d %H:%M:%S').replace(tzinfo=VN)

def dossier(code, proc=1, unit=2, app=None, status='DANG_XU_LY', received=None, kenh=2, summary=None, due_days=10,
            finished=None, returned=None, submitted=True, paid=False, digit=False, vneid=False, fraction=False, utc=False,
            n_steps=2):
    did = len(dossiers) + 1
    plain = '.FX-' in code   # the answer key's dossiers test one shape each: otherwise plain NFC text
    if summary is None and plain:
        summary = 'Hồ sơ kiểm thử số %d' % did
    received = received or t('2026-03-02 08:15:00') + timedelta(minutes=did * 97)
    due = received + timedelta(days=due_days)
    if status in ('DA_CO_KET_QUA', 'DA_TRA_KET_QUA') and finished is None:
        finished = received + timedelta(days=3, hours=2)
    if status == 'DA_TRA_KET_QUA' and returned is None:
        returned = finished + timedelta(days=1)
    last = max(x for x in (received, finished, returned) if x) + timedelta(hours=1)
    d = dict(id=did, code=code, proc=proc, unit=unit, app=(app or rnd.choice(PLAIN if plain else ORDINARY))['id'],
             summary=summary if summary is not None else rnd.choice(SUMMARIES), kenh=kenh, status=status,
             submitted=(received - timedelta(hours=5)) if submitted else None, received=received, due=due,
             finished=finished, returned=returned, paid=paid, digit=digit, vneid=vneid, updated=last,
             fraction=fraction, utc=utc)
    dossiers.append(d)
    for k in range(n_steps):
        steps.append(dict(id=len(steps) + 1, dossier=did, at=received + timedelta(hours=2 + k * 20 if n_steps <= 3 else 2 + k),
                          handler=NFD('Cán bộ Lê Thị Hà') if did % 17 == 0 and not plain else 'Nguyễn Văn Cán Bộ',
                          title='Chuyên viên', dept='Bộ phận một cửa',
                          content=("Chuyển xử lý'; DELETE FROM tien_do;--" if did % 13 == 0 and not plain else 'Tiếp nhận và chuyển xử lý'),
                          status='MOI_TIEP_NHAN' if k == 0 else 'DANG_XU_LY', deadline=due))
    return d

# ---- bulk: ordinary dossiers, every status, every unit, every procedure the catalogue has
statuses = list(STATUS)
for i in range(1, 1201):
    st = statuses[i % len(statuses)]
    unit = UNITS[i % 4][0]
    proc = [1, 2, 3, 4, 7, 8][i % 6]
    recv = t('2025-12-10 07:30:00') + timedelta(minutes=i * 311)
    day = (recv.astimezone(VN)).strftime('%y%m%d')
    dossier('H26.%s-%s-%04d' % (UNITS[unit - 1][1].split('.')[2], day, i), proc=proc, unit=unit, status=st, received=recv,
            kenh=1 + i % 3, submitted=(i % 3 != 1), paid=i % 5 == 0, digit=i % 4 == 0, vneid=i % 7 == 0,
            fraction=i % 11 == 0, utc=i % 6 == 0, n_steps=i % 4)
# ---- applicants with many dossiers: 40 for the NFD-named one, 6 for the oddly spaced one, 3 year-only
for i in range(1, 41):
    dossier('H26.FX-MANY-%02d' % i, app=A_MANY, proc=1 + i % 2, status=statuses[i % 11])
for i in range(1, 7):
    dossier('H26.FX-CASE-%02d' % i, app=A_CASE)
for i in range(1, 4):
    dossier('H26.FX-YEAR-%02d' % i, app=A_YEAR)
for i in range(1, 3):
    dossier('H26.FX-OLDID-%02d' % i, app=A_OLD)
# ---- the answer key's dossiers
for i in range(1, 11): dossier('H26.FX-MISS-%02d' % i)
for i in range(1, 6): dossier('H26.FX-STAT-%02d' % i, status='DANG_XU_LY')
for i in range(1, 4): dossier('H26.FX-STALE-%02d' % i)
dossier('H26.FX-FRESH-01')
for f in ['UNIT', 'DUE', 'FIN', 'NOP', 'KENH', 'PAY', 'TTHC', 'TRA']:
    dossier('H26.FX-FLD-%s-01' % f, status='DA_CO_KET_QUA' if f in ('FIN', 'TRA') else 'DANG_XU_LY')
dossier('H26.FX-INV-CTRL-01', summary='Đề nghị cấp\x07 bản sao')
dossier('H26.FX-INV-CTRL-02', app=A_CTRL)
d = dossier('H26.FX-INV-DUE-01'); d['due'] = d['received'] - timedelta(days=1)
d = dossier('H26.FX-INV-FIN-01', status='DA_CO_KET_QUA'); d['finished'] = None
d = dossier('H26.FX-INV-TRA-01', status='DA_TRA_KET_QUA'); d['returned'] = None
dossier('H26.FX-INV-STAT-01', status='CHO_DUYET')
dossier('H26.FX-INV-ID-01', app=A_NOID)
dossier('H26.FX-INV-CTRL-03', summary='Đề nghị\x9b cấp lại')   # a C1 control character
dossier('H26.FX-INV-SUM-01', summary='')
d = dossier('H26.FX-INV-SUM-02'); d['summary'] = None
dossier('H26.FX-INV-KENH-01', kenh=4)
dossier('H27.FX-INV-PROV-01')
dossier('H26.FX-INV-ĐƠN-01')
for i in range(1, 7): dossier('H26.FX-UNK-%02d' % i, proc=5)
for i in range(1, 3): dossier('H26.FX-UNKOLD-%02d' % i, proc=6)   # a procedure no longer in force, still cited
for i in range(1, 9): dossier('H26.FX-ANF-%02d' % i, app=A_NF)
for i in range(1, 5): dossier('H26.FX-ANAME-%02d' % i, app=A_NAME)
for i in range(1, 3): dossier('H26.FX-ASEX-%02d' % i, app=A_SEX)
for i in range(1, 3): dossier('H26.FX-AIDY-%02d' % i, app=A_IDY)
dossier('H26.FX-AIDP-01', app=A_IDP)
# steps that cannot be sent, of dossiers that can
dossier('H26.FX-STEP-01', n_steps=3); steps[-1]['status'] = 'KHONG_RO'
dossier('H26.FX-STEP-02', n_steps=2); steps[-1]['content'] = 'Đã chuyển\x07 phòng'
# codes whose byte order (COLLATE "C", DanhSachHoSo's order) differs from a language collation's: all on the portal
for c in ['H26.fx-lower-01', 'H26.FX-lower-02', 'H26.FX_UNDER-01', 'H26.FX-Z-01', 'H26.FX-z-01', 'H26.FX-~-01', 'H26.FX-0-01']:
    dossier(c)
# a dossier of an applicant not in the population database that is also absent from the portal: two rows
dossier('H26.FX-ANF-MISS-01', app=A_NF)
# 60 progress steps: more than one CapNhatTienDoHoSoMC call (at most 50 a call)
dossier('H26.FX-STEPS60-01', n_steps=60)
# ---- outside the period (2012): absent from the portal, invalid, unknown procedure, unknown applicant: no row
old = t('2012-05-05 09:00:00')
for i in range(1, 4): dossier('H26.FX-OLD-MISS-%02d' % i, received=old + timedelta(days=i))
dossier('H26.FX-OLD-INV-01', received=old, summary='bad\x07')
dossier('H26.FX-OLD-UNK-01', received=old, proc=5)
for i in range(1, 3): dossier('H26.FX-ANF-OLD-%02d' % i, app=A_NF, received=old + timedelta(days=10 + i))
CODE = {d['code']: d for d in dossiers}

# ---------- city.sql
def q(v):
    if v is None: return 'null'
    if isinstance(v, bool): return 'true' if v else 'false'
    if isinstance(v, int): return str(v)
    return "'" + v.replace("'", "''") + "'"
def ts(dt, d=None):
    if dt is None: return 'null'
    if d is not None and d['utc']:
        s = dt.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M:%S') + ('.987' if d['fraction'] else '') + '+00'
    else:
        s = dt.strftime('%Y-%m-%d %H:%M:%S') + ('.123' if d is not None and d['fraction'] else '') + '+07'
    return "'" + s + "'"
out = []
with open('/work/shared/contracts/city-schema.sql', encoding='utf-8') as f:
    out.append(f.read())
out.append('\n-- fidelity fixture data (generated by generate.py from the contracts; see answer-key.csv)\n')
for u in UNITS: out.append('insert into city.don_vi values (%d, %s, %s, %s);\n' % (u[0], q(u[1]), q(u[2]), q(u[3])))
for p in PROCS:
    out.append('insert into city.thu_tuc values (%d, %s, %s, %s, %s, %s, false, %s, %s, %s, %s, %s);\n' % (
        p[0], q(p[1]), q(p[2]), q(p[3]), q(p[4]), q(p[5]), q('%d/QĐ-UBND' % (100 + p[0])), q('2024-12-20'), q(p[6]),
        q(p[7]), "'2025-01-01 00:00:00+07'"))
for a in applicants:
    out.append('insert into city.chu_ho_so values (%d, %d, %s, %s, %s, %s, %s, %s, %s);\n' % (
        a['id'], a['loai'], q(a['so']), q(a['ho_ten']), q(a['ngay_sinh']), q(a['gioi_tinh']), q(a['phone']), q(a['email']), q(a['addr'])))
for d in dossiers:
    out.append('insert into city.ho_so values (%d, %s, %d, %d, %d, %s, %d, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s);\n' % (
        d['id'], q(d['code']), d['proc'], d['unit'], d['app'], q(d['summary']), d['kenh'], q(d['status']),
        ts(d['submitted'], d), ts(d['received'], d), ts(d['due'], d), ts(d['finished'], d), ts(d['returned'], d),
        q(d['paid']), q(d['digit']), q(d['vneid']), ts(d['updated'], d)))
for s in steps:
    out.append('insert into city.tien_do values (%d, %d, %s, %s, %s, %s, %s, %s, %s);\n' % (
        s['id'], s['dossier'], ts(s['at']), q(s['handler']), q(s['title']), q(s['dept']), q(s['content']), q(s['status']), ts(s['deadline'])))
open('city.sql', 'w', encoding='utf-8').write(''.join(out))

# ---------- the national side
cat = [dict(MaTTHC=p[1], TenTTHC=NFC(p[2]), MaLinhVuc=p[3], TenLinhVuc=NFC(p[4]), CongKhai='1' if p[8][0] else '0',
            NgayCongKhai=p[8][1]) for p in PROCS if p[8] is not None]
json.dump(cat, open('catalogue.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
json.dump([a['pop'] for a in applicants if a.get('pop')], open('population.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)

# ---------- what a faithful push puts on the portal (portal-api.md), per valid city dossier
def pt(dt):
    return None if dt is None else dt.astimezone(VN).strftime('%Y%m%d%H%M%S')
WITHHELD = {c for c in CODE if c.startswith('H26.FX-INV-') or c.startswith('H27.') or c.startswith('H26.FX-UNK')
            or c in ('H26.FX-OLD-INV-01', 'H26.FX-OLD-UNK-01')}
def portal_form(d):
    p, u, a = PROC[d['proc']], UNITS[d['unit'] - 1], APP[d['app']]
    f = dict(MaHoSo=d['code'], MaTTHC=p[1], TenTTHC=NFC(p[2]), MaLinhVuc=p[3], TenLinhVuc=NFC(p[4]),
             KenhThucHien=str(d['kenh']), ChuHoSo=NFC(a['ho_ten']), LoaiDoiTuong=str(a['loai']))
    if a['loai'] == 1:
        f['DinhDanhCHS'] = [dict(LoaiDinhDanh='1' if len(a['so']) == 12 else '2', SoDinhDanh=a['so'])]
    if a['phone']: f['SoDienThoai'] = a['phone']
    if a['email']: f['Email'] = a['email']
    f['TrichYeuHoSo'] = NFC(d['summary'])
    for k, v in (('NgayNopHoSo', d['submitted']), ('NgayTiepNhan', d['received']), ('NgayHenTra', d['due']),
                 ('NgayKetThucXuLy', d['finished']), ('NgayTra', d['returned'])):
        if v is not None: f[k] = pt(v)
    f['TrangThaiHoSo'] = STATUS[d['status']]
    f['MaDonViXuLy'] = u[1]; f['DonViXuLy'] = NFC(u[2])
    f['DuocThanhToanTrucTuyen'] = '1' if d['paid'] else '0'
    f['HoSoCoThanhPhanSoHoa'] = '1' if d['digit'] else '0'
    f['TaiKhoanDuocXacThucVoiVNeID'] = '1' if d['vneid'] else '0'
    return f
expected = [portal_form(d) for d in dossiers if d['code'] not in WITHHELD]
json.dump(expected, open('portal-expected.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=0)
exp_steps = {}
for s in steps:
    d = dossiers[s['dossier'] - 1]
    if d['code'] in WITHHELD or s['status'] not in STATUS or '\x07' in s['content']:
        continue
    exp_steps.setdefault(d['code'], []).append(dict(ThoiDiemXuLy=pt(s['at']), TrangThai=STATUS[s['status']], NoiDungXuLy=NFC(s['content'])))
json.dump(exp_steps, open('steps-expected.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=0)

# ---------- the portal's copy for the reconcile test: no contact details, portal times, planted differences
copy = []
for f in expected:
    d = CODE[f['MaHoSo']]
    c = {k: v for k, v in f.items() if k not in ('SoDienThoai', 'Email')}
    c['NgayDongBo'] = pt(d['updated'] + timedelta(minutes=5)); c['NgayCapNhat'] = c['NgayDongBo']
    code = f['MaHoSo']
    if code.startswith('H26.FX-MISS-') or code.startswith('H26.FX-OLD-MISS-') or code == 'H26.FX-ANF-MISS-01':
        continue
    if code.startswith('H26.FX-CASE-'):
        c['ChuHoSo'] = 'Trần Văn Bình'   # tidied on the portal: the same name by gateway.md's comparison rules
    if code.startswith('H26.FX-STAT-'): c['TrangThaiHoSo'] = '2'
    if code.startswith('H26.FX-STALE-'): c['NgayCapNhat'] = pt(d['updated'] - timedelta(hours=30))
    if code == 'H26.FX-FRESH-01': c['NgayCapNhat'] = pt(d['updated'] - timedelta(hours=23))
    if code == 'H26.FX-FLD-UNIT-01': c['MaDonViXuLy'] = '000.00.05.H26'
    if code == 'H26.FX-FLD-DUE-01': c['NgayHenTra'] = pt(d['due'] + timedelta(days=2))
    if code == 'H26.FX-FLD-FIN-01': del c['NgayKetThucXuLy']
    if code == 'H26.FX-FLD-NOP-01': del c['NgayNopHoSo']
    if code == 'H26.FX-FLD-KENH-01': c['KenhThucHien'] = '1' if c['KenhThucHien'] != '1' else '3'
    if code == 'H26.FX-FLD-PAY-01': c['DuocThanhToanTrucTuyen'] = '1'
    if code == 'H26.FX-FLD-TTHC-01': c['MaTTHC'] = PROCS[1][1]
    if code == 'H26.FX-FLD-TRA-01': c['NgayTra'] = pt(d['finished'] + timedelta(days=1))
    copy.append(c)
for i, days in ((1, 30), (2, 60), (3, 90)):
    o = dict(copy[i * 7]); o['MaHoSo'] = 'H26.FX-ORPH-%02d' % i
    copy.append(o)
o = dict(copy[5]); o['MaHoSo'] = 'H26.FX-ORPH-OLD-01'; o['NgayTiepNhan'] = '20120101090000'; copy.append(o)
json.dump(copy, open('portal-copy.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=0)
print(len(dossiers), 'dossiers', len(steps), 'steps', len(applicants), 'applicants', len(expected), 'expected on portal', len(copy), 'in the copy')
