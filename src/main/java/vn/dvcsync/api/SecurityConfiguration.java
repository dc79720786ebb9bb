package vn.dvcsync.api;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** HTTP Basic or the web login; ADMIN starts runs, ADMIN and OFFICIAL read them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/info")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/runs")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/dead-letters/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/**")
                        .hasAnyRole("ADMIN", "OFFICIAL")
                        .anyRequest()
                        .authenticated())
                // The API answers 401 to a caller without credentials; browsers elsewhere get the login page.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties props, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (props.users().isEmpty()) {
            users.add(demoUser("admin", "ADMIN", encoder));
            users.add(demoUser("official", "OFFICIAL", encoder));
        }
        for (SecurityProperties.User u : props.users()) {
            if (u.name() == null
                    || u.passwordHash() == null
                    || u.roles() == null
                    || u.roles().isEmpty()) {
                throw new IllegalStateException(
                        "dvcsync.security.users: user '" + u.name() + "' needs name, password-hash (bcrypt) and roles");
            }
            users.add(User.withUsername(u.name())
                    .password(u.passwordHash())
                    .roles(u.roles().toArray(String[]::new))
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails demoUser(String name, String role, PasswordEncoder encoder) {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        log.warn(
                "No dvcsync.security.users configured: demo user '{}' (role {}) has password {}", name, role, password);
        return User.withUsername(name)
                .password(encoder.encode(password))
                .roles(role)
                .build();
    }
}
