package vn.dvcsync.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who sees which units: derived from the login on the thread, in one place. */
class UnitScopeTest {

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOfficialBoundToUnitsSeesThoseOnlyAndIsRefusedAnother() {
        login("tuphap", role("OFFICIAL"), UnitScope.authority("000.00.04.H26"), UnitScope.authority("000.00.07.H26"));
        UnitScope scope = UnitScope.current();
        assertThat(scope.all()).isFalse();
        assertThat(scope.units()).containsExactly("000.00.04.H26", "000.00.07.H26");
        assertThat(scope.allows("000.00.04.H26")).isTrue();
        assertThat(scope.allows("000.00.05.H26")).isFalse();
        assertThat(scope.allows(null)).isFalse();
        assertThat(scope.sql("unit_code")).isEqualTo(" and unit_code in (?, ?)");
        assertThat(scope.sqlArgs()).containsExactly("000.00.04.H26", "000.00.07.H26");
        scope.check("000.00.07.H26");
        assertThatThrownBy(() -> scope.check("000.00.05.H26"))
                .isInstanceOf(UnitScope.OutOfScope.class)
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User 'tuphap' may see the rows of units 000.00.04.H26, 000.00.07.H26 only, not of"
                        + " 000.00.05.H26");
    }

    @Test
    void theProvinceOfficialAdminAndTheGatewaysOwnWorkSeeEveryUnit() {
        assertThat(UnitScope.current().all()).isTrue(); // nobody logged in: a run, the scheduler
        login("official", role("OFFICIAL"));
        assertThat(UnitScope.current().all()).isTrue();
        login("admin", role("ADMIN"));
        assertThat(UnitScope.current().all()).isTrue();
        assertThat(UnitScope.ALL.sql("unit_code")).isEmpty();
        assertThat(UnitScope.ALL.sqlArgs()).isEmpty();
        UnitScope.ALL.check("000.00.05.H26");
    }

    @Test
    void anAnonymousCallerReadsNoUnit() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThatThrownBy(UnitScope::current).isInstanceOf(AccessDeniedException.class);
    }

    private static GrantedAuthority role(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role);
    }

    private static void login(String user, GrantedAuthority... authorities) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, "n/a", List.of(authorities)));
    }
}
