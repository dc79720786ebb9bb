package vn.dvcsync.simulator;

import java.time.LocalDate;

/** One procedure of the portal simulator's national catalogue ({@code LayDanhSachTTHC}). */
public record CatalogueEntry(
        String maTTHC, String tenTTHC, String maLinhVuc, String tenLinhVuc, boolean congKhai, LocalDate ngayCongKhai) {}
