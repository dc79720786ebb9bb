package vn.dvcsync.api;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Prints the hash of a password for {@code dvcsync.security.users[i].password-hash}: {@code {bcrypt}$2a$10$…}. The
 * password is read from the console without echo (or, without a console, as the first line of standard input), so it
 * stays out of the shell's history. Run from the built jar (README, "Security"):
 * {@code java -cp target/dvc-sync-gateway.jar -Dloader.main=vn.dvcsync.api.PasswordHash
 * org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
public final class PasswordHash {

    private PasswordHash() {}

    public static void main(String[] args) throws IOException {
        String password = read();
        if (password == null || password.isEmpty()) {
            System.err.println("No password given");
            System.exit(2);
        }
        System.out.println(hash(password, Accounts.passwordEncoder()));
    }

    static String hash(String password, PasswordEncoder encoder) {
        return encoder.encode(password);
    }

    private static String read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
