package vn.dvcsync.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users of the HTTP API ({@code dvcsync.security.users[i].*}); passwords as bcrypt hashes.
 * With no user configured, demo users are made with random passwords printed at start.
 */
@ConfigurationProperties("dvcsync.security")
record SecurityProperties(@DefaultValue List<User> users) {

    /** @param roles ADMIN and/or OFFICIAL */
    record User(String name, String passwordHash, List<String> roles) {}
}
