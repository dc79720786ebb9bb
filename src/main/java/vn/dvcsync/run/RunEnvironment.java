package vn.dvcsync.run;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives the settings the routes need from the documented ones: the incremental period in
 * milliseconds and the nightly cron in URI form for Quartz, and for {@code dvcsync.run-once} no schedule
 * and no web server.
 */
class RunEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        String period = env.getProperty("dvcsync.schedule.incremental", "PT1M");
        // ISO-8601 (PT1M) or the simple form (1m), as every other duration setting
        derived.put(
                "dvcsync.schedule.incremental-millis",
                DurationStyle.detectAndParse(period.strip()).toMillis());
        // A cron travels in an endpoint URI, where its spaces are written '+'.
        derived.put(
                "dvcsync.schedule.nightly-uri",
                env.getProperty("dvcsync.schedule.nightly", "0 0 1 * * ?")
                        .trim()
                        .replaceAll("\\s+", "+"));
        String runOnce = env.getProperty("dvcsync.run-once", "");
        boolean once = !runOnce.isBlank();
        derived.put("dvcsync.schedule.enabled", env.getProperty("dvcsync.schedule.enabled", String.valueOf(!once)));
        if (once) {
            derived.put("spring.main.web-application-type", "none");
        }
        env.getPropertySources().addFirst(new MapPropertySource("dvcsync-derived", derived));
    }
}
