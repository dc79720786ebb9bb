package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.unit.DataSize;
import vn.dvcsync.support.ConfigurationProblem;

/**
 * issue #9: demo users were made whenever no user was configured, real systems or not, and the ADMIN password was
 * logged. Now they exist only on embedded defaults; with a real system configured and no user, start-up fails saying
 * what to set. Hashes are bcrypt, {@code {bcrypt}…} or bare as the README showed them; a plain password is refused.
 */
class AccountsTest {

    private static final String HASH = "$2a$10$i3FW4GsFnXjxON5VHGHjCuuBY24Rl3CkK1a4GJ0iqgh3riX00QXCu"; // admin-test-pw
    private final PasswordEncoder encoder = Accounts.passwordEncoder();

    @Test
    void withARealSystemConfiguredAndNoUserStartUpFailsSayingWhatToSet() {
        for (String property : Accounts.EXTERNAL_SYSTEMS) {
            MockEnvironment env = new MockEnvironment().withProperty(property, "http://portal.example/dvcqg");
            assertThatThrownBy(() -> Accounts.users(props(), env, encoder))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessage("No users configured (dvcsync.security.users) while real systems are (" + property
                            + "): demo users exist only on embedded defaults")
                    .satisfies(e -> assertThat(((ConfigurationProblem) e).action())
                            .contains("dvcsync.security.users[0].name, .password-hash ({bcrypt}$2a$...) and .roles"));
        }
    }

    @Test
    void onEmbeddedDefaultsTheDemoUsersAreMadeAndTheirPasswordsPrintedThere() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(Accounts.class);
        logger.addAppender(logged);
        try {
            UserDetailsService users = Accounts.users(props(), new MockEnvironment(), encoder);
            assertThat(users.loadUserByUsername("admin").getAuthorities())
                    .extracting(Object::toString)
                    .containsExactly("ROLE_ADMIN");
            assertThat(users.loadUserByUsername("official").getAuthorities())
                    .extracting(Object::toString)
                    .containsExactly("ROLE_OFFICIAL");
            assertThat(users.loadUserByUsername("official-tuphap").getAuthorities())
                    .extracting(Object::toString)
                    .containsExactly("ROLE_OFFICIAL", "UNIT_000.00.04.H26");
            assertThat(logged.list)
                    .hasSize(3)
                    .allSatisfy(e -> assertThat(e.getFormattedMessage())
                            .contains("every system on embedded defaults: demo user"));
            assertThat(logged.list.get(2).getFormattedMessage())
                    .matches("No dvcsync.security.users configured, every system on embedded defaults: demo user"
                            + " 'official-tuphap' \\(role OFFICIAL, unit 000.00.04.H26 Sở Tư pháp thành phố Hà Nội only\\)"
                            + " has password [0-9a-f]{18}");
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void bcryptHashesWithOrWithoutThePrefixWorkAndNothingElseIsAccepted() {
        UserDetailsService users = Accounts.users(
                props(
                        new SecurityProperties.User("a", HASH, List.of("ADMIN")),
                        new SecurityProperties.User(
                                "b", "{bcrypt}" + new BCryptPasswordEncoder().encode("b-pw"), List.of("OFFICIAL"))),
                new MockEnvironment().withProperty("dvcsync.portal.url", "http://portal.example"),
                encoder);
        UserDetails a = users.loadUserByUsername("a");
        assertThat(encoder.matches("admin-test-pw", a.getPassword())).isTrue();
        assertThat(encoder.matches("wrong", a.getPassword())).isFalse();
        assertThat(encoder.matches("b-pw", users.loadUserByUsername("b").getPassword()))
                .isTrue();
        assertThat(encoder.encode("new")).startsWith("{bcrypt}$2a$");

        for (String notAHash : List.of("admin-test-pw", "{noop}admin-test-pw", "{sha256}abc", "$2a$10$short")) {
            assertThatThrownBy(() -> Accounts.users(
                            props(new SecurityProperties.User("c", notAHash, List.of("ADMIN"))),
                            new MockEnvironment(),
                            encoder))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessage(
                            "dvcsync.security.users[0] (c): password-hash is not a bcrypt hash ({bcrypt}$2a$10$... or $2a$10$...)")
                    .message()
                    .doesNotContain(notAHash.replace("{noop}", ""));
        }
        assertThatThrownBy(() -> Accounts.users(
                        props(new SecurityProperties.User("d", HASH, List.of("ROOT"))), new MockEnvironment(), encoder))
                .hasMessageContaining("unknown role 'ROOT'");
    }

    @Test
    void anOfficialBoundToUnitsCarriesThemAndAnAdminCannotBeBound() {
        UserDetailsService users = Accounts.users(
                props(new SecurityProperties.User(
                        "u", HASH, List.of("OFFICIAL"), List.of(" 000.01.30.H26", "000.02.30.H26"))),
                new MockEnvironment(),
                encoder);
        assertThat(users.loadUserByUsername("u").getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_OFFICIAL", "UNIT_000.01.30.H26", "UNIT_000.02.30.H26");

        assertThatThrownBy(() -> Accounts.users(
                        props(new SecurityProperties.User(
                                "a", HASH, List.of("OFFICIAL", "ADMIN"), List.of("000.01.30.H26"))),
                        new MockEnvironment(),
                        encoder))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessage(
                        "dvcsync.security.users[0] (a): units bind an OFFICIAL account, and an ADMIN sees every unit");
        for (String bad : List.of(" ", "000.01\n.30.H26")) {
            assertThatThrownBy(() -> Accounts.users(
                            props(new SecurityProperties.User("b", HASH, List.of("OFFICIAL"), List.of(bad))),
                            new MockEnvironment(),
                            encoder))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessage("dvcsync.security.users[0] (b): units holds an empty unit code or one with a control"
                            + " character");
        }
    }

    @Test
    void theHashPrintedForTheReadmeIsOneTheAccountsAccept() {
        String hash = PasswordHash.hash("a long passphrase", encoder);
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        UserDetailsService users = Accounts.users(
                props(new SecurityProperties.User("e", hash, List.of("OFFICIAL"))), new MockEnvironment(), encoder);
        assertThat(encoder.matches(
                        "a long passphrase", users.loadUserByUsername("e").getPassword()))
                .isTrue();
    }

    private static SecurityProperties props(SecurityProperties.User... users) {
        return new SecurityProperties(
                List.of(users),
                new SecurityProperties.Login(5, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(1)),
                DataSize.ofMegabytes(1));
    }
}
