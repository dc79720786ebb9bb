package vn.dvcsync.api;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Users of the HTTP API and the web login ({@code dvcsync.security.users[i].*}), passwords as bcrypt hashes
 * ({@code {bcrypt}$2a$…}, or a bare {@code $2a$…}). With no user configured, demo users with random passwords printed
 * at start exist only while every system runs on its embedded default (see {@link Accounts}).
 *
 * @param users          the accounts of the API and the web login, each with name, password-hash
 *                       (bcrypt), roles (ADMIN, OFFICIAL) and, for an OFFICIAL, the units it sees
 * @param login          how failed logins are throttled
 * @param maxRequestSize the largest request body accepted; a larger one is refused (413) unread
 */
@ConfigurationProperties("dvcsync.security")
record SecurityProperties(
        @DefaultValue List<User> users,
        @DefaultValue Login login,
        @DefaultValue("1MB") DataSize maxRequestSize) {

    /**
     * @param name         the login name
     * @param passwordHash the password's bcrypt hash: {bcrypt}$2a$…, or a bare $2a$…
     * @param roles ADMIN and/or OFFICIAL
     * @param units for an OFFICIAL account (not an ADMIN), the unit codes (MaDonViXuLy) whose rows alone it
     *              sees; none: the whole province
     */
    record User(String name, String passwordHash, List<String> roles, List<String> units) {

        @ConstructorBinding
        User {
            units = units == null ? List.of() : units;
        }

        /** An account of the whole province (no unit bound). */
        User(String name, String passwordHash, List<String> roles) {
            this(name, passwordHash, roles, List.of());
        }
    }

    /**
     * After {@code maxFailures} failed logins within {@code window} for one user name, or from one address, further
     * logins for it are refused for {@code lock} — the right password too — and each further lock lasts twice the one
     * before, up to {@code maxLock}; a successful login forgets the failures of its user and address.
     *
     * @param maxFailures failed logins for one user name or from one address, within the window, that lock it
     * @param window      how far back failed logins are counted
     * @param lock        how long the first lock lasts (each further one twice as long)
     * @param maxLock     the longest a lock lasts
     */
    record Login(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("5m") Duration window,
            @DefaultValue("1m") Duration lock,
            @DefaultValue("1h") Duration maxLock) {}
}
