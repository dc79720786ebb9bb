package vn.dvcsync.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic or the web login (its page is the console's, {@code vn.dvcsync.console}); ADMIN starts runs, ADMIN and
 * OFFICIAL read them and the console's pages; the health probes, the login page and its styles are open, nothing else
 * is.
 *
 * <p>Against other sites' pages: a request that changes something with the web login's session needs the CSRF token
 * (the API's too: a browser sends the session cookie along with another site's form); HTTP Basic without a session
 * needs none. No answer asks a browser for Basic credentials ({@link LoginRefusals}), and a browser's request sent on
 * another site's behalf is refused whatever its login ({@link CrossSiteRequests}). The session cookie is
 * {@code SameSite=Strict} and {@code HttpOnly} ({@code application.yml}), {@code Secure} when served over TLS.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * Scripts and styles from the gateway itself only (no inline script, no other origin: pages serve htmx and their
     * chart library from webjars), no framing, forms posted to the gateway only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Open without a login: the health probes, which say UP or DOWN and nothing more. */
    static final String[] OPEN = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    /**
     * The login page (with {@code ?error} or {@code ?logout} too) and the console's styles and scripts: nothing but
     * files of the gateway's jar.
     */
    static final String[] LOGIN_PAGE = {"/login", "/assets/**", "/webjars/**", "/favicon.ico", "/error"};

    /**
     * The admins' calls and pages: dead letters, routes, schedules, quarantine, audit log, instances, the API's
     * OpenAPI description.
     */
    static final String[] ADMIN_ONLY = {
        "/api/v1/dead-letters/**",
        "/api/v1/routes/**",
        "/api/v1/schedules/**",
        "/api/v1/quarantine/**",
        "/api/v1/audit/**",
        "/api/v1/instances/**",
        "/v3/api-docs/**",
        "/v3/api-docs.yaml",
        "/admin/**"
    };

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain api(
            HttpSecurity http, UserDetailsService users, PasswordEncoder encoder, SecurityProperties props, Clock clock)
            throws Exception {
        DaoAuthenticationProvider checker = new DaoAuthenticationProvider(users);
        checker.setPasswordEncoder(encoder);
        LoginRefusals refusals = new LoginRefusals();
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(auth -> auth.requestMatchers(OPEN)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, LOGIN_PAGE)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/runs")
                        .hasRole("ADMIN")
                        .requestMatchers(ADMIN_ONLY)
                        .hasRole("ADMIN")
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/**", "/console/**")
                        .hasAnyRole("ADMIN", "OFFICIAL")
                        .anyRequest()
                        .authenticated())
                .authenticationManager(
                        new ThrottledLogins(new ProviderManager(checker), new LoginThrottle(props.login(), clock)))
                // The API answers 401 to a caller without credentials; browsers elsewhere get the login page.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(refusals, api))
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .formLogin(form -> form.loginPage("/login").permitAll().failureHandler(refusals))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> needsCsrfToken(request, api)))
                .addFilterBefore(new CrossSiteRequests(), CsrfFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // sent on requests over TLS only
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    /** A request that changes something needs the token, but for an API call without a session (HTTP Basic). */
    static boolean needsCsrfToken(HttpServletRequest request, RequestMatcher api) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        boolean session = request.getRequestedSessionId() != null || request.getSession(false) != null;
        return session || !api.matches(request);
    }

    /**
     * A request the security firewall refuses (an encoded line break, {@code %2F}, {@code ../} in the path…) is a 400 with
     * a JSON error, written at once (an error page would ask for a login the refused request never got to give).
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> LoginRefusals.json(
                response,
                HttpStatus.BAD_REQUEST,
                "Bad request: the path holds something not allowed there (" + rejected.getMessage() + ")");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Accounts.passwordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties props, Environment env, PasswordEncoder encoder) {
        return Accounts.users(props, env, encoder);
    }

    /** Before everything else, so that a body too large is refused before a login is even looked at. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(SecurityProperties props) {
        FilterRegistrationBean<RequestSizeLimit> filter = new FilterRegistrationBean<>(
                new RequestSizeLimit(props.maxRequestSize().toBytes()));
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return filter;
    }
}
