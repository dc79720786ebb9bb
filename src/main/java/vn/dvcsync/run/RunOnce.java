package vn.dvcsync.run;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code dvcsync.run-once=<type>}: one run, its summary printed, then exit 0 when it finished and
 * non-zero when it could not.
 */
@Component
class RunOnce implements ApplicationRunner {

    private final RunService runs;
    private final ConfigurableApplicationContext context;
    private final String type;

    RunOnce(RunService runs, ConfigurableApplicationContext context, @Value("${dvcsync.run-once:}") String type) {
        this.runs = runs;
        this.context = context;
        this.type = type;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (type.isBlank()) {
            return;
        }
        int code;
        try {
            code = "SUCCEEDED".equals(runs.execute(RunType.parse(type)).status()) ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("Run could not start: " + e.getMessage());
            code = 2;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
