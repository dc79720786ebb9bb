package vn.dvcsync.simulator;

/**
 * One person in the population simulator's registry.
 *
 * @param ngayThangNam birth date {@code yyyyMMdd}, or only the year {@code yyyy} for old records
 * @param gioiTinh     1 male, 2 female
 */
public record Citizen(String soDinhDanh, String ho, String chuDem, String ten, int gioiTinh, String ngayThangNam) {}
