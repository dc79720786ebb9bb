package vn.dvcsync.simulator;

import java.time.Clock;
import java.util.Objects;

/**
 * What a {@link PortalSimulator} is built with; runtime behaviour is in {@link PortalKnobs}.
 *
 * @param port         TCP port on 127.0.0.1; 0: an ephemeral one
 * @param username     the account {@code /auth} accepts; null: the empty string
 * @param password     its password; null: the empty string
 * @param provinceCode the prefix every {@code MaHoSo} must carry before a dot, e.g. {@code H26}
 * @param agencyCode   the {@code madonvi} every integration call must carry, e.g. {@code 000.00.00.H26}
 * @param clock        source of {@code NgayDongBo}/{@code NgayCapNhat} and of session expiry
 * @param seed         seed of the fault and latency draws
 */
public record PortalSettings(
        int port, String username, String password, String provinceCode, String agencyCode, Clock clock, long seed) {

    public PortalSettings {
        username = Objects.requireNonNullElse(username, "");
        password = Objects.requireNonNullElse(password, "");
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(clock, "clock");
    }
}
