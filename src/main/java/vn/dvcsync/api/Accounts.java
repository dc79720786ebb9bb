package vn.dvcsync.api;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import vn.dvcsync.kernel.UnitScope;
import vn.dvcsync.support.ConfigurationProblem;

/**
 * The accounts: {@code dvcsync.security.users}, passwords as bcrypt hashes, {@code {bcrypt}…} or a bare
 * {@code $2a$…}/{@code $2b$…}/{@code $2y$…}; anything else (a plain password, {@code {noop}…}) fails start-up.
 *
 * <p>With no user configured: while every system runs on its embedded default (no {@code dvcsync.portal.url},
 * {@code dvcsync.population.url}, {@code dvcsync.city.datasource.url} or {@code dvcsync.store.datasource.url}),
 * the demo users {@code admin} (ADMIN), {@code official} (OFFICIAL, the province) and {@code official-tuphap}
 * (OFFICIAL bound to the demo city's Sở Tư pháp, {@value #DEMO_UNIT}) with random passwords printed in the log; with
 * any real system configured, start-up fails saying to configure users. A gateway on real systems that nobody could
 * log in to would run its schedules unwatched while its operator looked for the reason; a demo password in the log of
 * a real installation would be anyone's who reads the log.
 *
 * <p>An OFFICIAL account bound to units ({@code .units}) carries one {@link UnitScope#authority} per unit, which
 * {@link UnitScope#current()} reads back; an ADMIN sees every unit, so units on an ADMIN account fail start-up.
 */
final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    /** The properties that say a real system is used. */
    static final List<String> EXTERNAL_SYSTEMS = List.of(
            "dvcsync.portal.url",
            "dvcsync.population.url",
            "dvcsync.city.datasource.url",
            "dvcsync.store.datasource.url");

    /** The unit of the demo's unit-scoped official: the demo city's Sở Tư pháp. */
    static final String DEMO_UNIT = "000.00.04.H26";

    private static final String DEMO_UNIT_NAME = "Sở Tư pháp thành phố Hà Nội";
    private static final Set<String> ROLES = Set.of("ADMIN", "OFFICIAL");
    private static final Pattern BCRYPT = Pattern.compile("\\A\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}\\z");
    private static final String BCRYPT_ID = "{bcrypt}";

    private Accounts() {}

    /** {@code {bcrypt}} hashes, and bare bcrypt hashes as the README showed them before. */
    static PasswordEncoder passwordEncoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }

    static UserDetailsService users(SecurityProperties props, Environment env, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (props.users().isEmpty()) {
            List<String> configured = EXTERNAL_SYSTEMS.stream()
                    .filter(p -> !env.getProperty(p, "").isBlank())
                    .toList();
            if (!configured.isEmpty()) {
                throw new ConfigurationProblem(
                        "No users configured (dvcsync.security.users) while real systems are ("
                                + String.join(", ", configured) + "): demo users exist only on embedded defaults",
                        "Configure dvcsync.security.users[0].name, .password-hash ({bcrypt}$2a$...) and .roles "
                                + "(ADMIN or OFFICIAL); the README's Security section shows how to make a hash.");
            }
            users.add(demoUser("admin", "ADMIN", null, encoder));
            users.add(demoUser("official", "OFFICIAL", null, encoder));
            users.add(demoUser("official-tuphap", "OFFICIAL", DEMO_UNIT, encoder));
        }
        for (int i = 0; i < props.users().size(); i++) {
            users.add(user(i, props.users().get(i)));
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(int i, SecurityProperties.User u) {
        String which = "dvcsync.security.users[" + i + "]" + (u.name() != null ? " (" + u.name() + ")" : "");
        if (u.name() == null
                || u.name().isBlank()
                || u.passwordHash() == null
                || u.roles() == null
                || u.roles().isEmpty()) {
            throw new ConfigurationProblem(
                    which + " needs name, password-hash and roles",
                    "Set dvcsync.security.users[" + i + "].name, .password-hash and .roles.");
        }
        String hash = u.passwordHash().startsWith(BCRYPT_ID)
                ? u.passwordHash().substring(BCRYPT_ID.length())
                : u.passwordHash();
        if (!BCRYPT.matcher(hash).matches()) {
            throw new ConfigurationProblem(
                    which + ": password-hash is not a bcrypt hash ({bcrypt}$2a$10$... or $2a$10$...)",
                    "Put a bcrypt hash of the password in dvcsync.security.users[" + i + "].password-hash, never the "
                            + "password; the README's Security section shows how to make one.");
        }
        for (String role : u.roles()) {
            if (!ROLES.contains(role)) {
                throw new ConfigurationProblem(
                        which + ": unknown role '" + role + "' (known: ADMIN, OFFICIAL)",
                        "Give dvcsync.security.users[" + i + "].roles ADMIN and/or OFFICIAL.");
            }
        }
        List<String> units = units(i, which, u);
        return User.withUsername(u.name())
                .password(u.passwordHash())
                .authorities(authorities(u.roles(), units))
                .build();
    }

    /** The account's unit codes, stripped; refused when blank, holding a control character, or on an ADMIN. */
    private static List<String> units(int i, String which, SecurityProperties.User u) {
        if (u.units().isEmpty()) {
            return List.of();
        }
        if (u.roles().contains("ADMIN")) {
            throw new ConfigurationProblem(
                    which + ": units bind an OFFICIAL account, and an ADMIN sees every unit",
                    "Remove dvcsync.security.users[" + i + "].units, or give that account the role OFFICIAL only.");
        }
        List<String> units = new ArrayList<>();
        for (String unit : u.units()) {
            if (unit == null || unit.isBlank() || unit.chars().anyMatch(Character::isISOControl)) {
                throw new ConfigurationProblem(
                        which + ": units holds an empty unit code or one with a control character",
                        "Give dvcsync.security.users[" + i + "].units unit codes (MaDonViXuLy), e.g. 000.00.04.H26.");
            }
            units.add(unit.strip());
        }
        return units;
    }

    private static List<GrantedAuthority> authorities(List<String> roles, List<String> units) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        units.forEach(unit -> authorities.add(UnitScope.authority(unit)));
        return authorities;
    }

    private static UserDetails demoUser(String name, String role, String unit, PasswordEncoder encoder) {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        log.warn(
                "No dvcsync.security.users configured, every system on embedded defaults: demo user '{}' (role {}{}) "
                        + "has password {}",
                name,
                role,
                unit == null ? "" : ", unit " + unit + " " + DEMO_UNIT_NAME + " only",
                password);
        return User.withUsername(name)
                .password(encoder.encode(password))
                .authorities(authorities(List.of(role), unit == null ? List.of() : List.of(unit)))
                .build();
    }
}
