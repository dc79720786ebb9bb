package vn.dvcsync.testsupport;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What a route test extends: a context of Camel with the YAML DSL and nothing of the gateway but what the test
 * declares (its beans replaced by test doubles), so that a route file is checked in a second, without a database or a
 * portal. A test names the files it loads, {@code camel.main.routes-include-pattern=file:routes/<flow>.camel.yaml,…},
 * in {@code @SpringBootTest(webEnvironment = NONE, classes = RouteTest.Routes.class, properties = …)}.
 */
@CamelSpringBootTest
// also directly: Spring Boot's test scan filter knows a test class by a direct @ExtendWith, and leaves out its nested
// Routes, which would otherwise join (and strip) every context that scans vn.dvcsync
@ExtendWith(SpringExtension.class)
// no database here: the readiness group names the gateway's db check, which these contexts leave out
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
public abstract class RouteTest {

    /** Properties every route test sets: no schedule fires by itself. */
    public static final String NO_SCHEDULE = "dvcsync.schedule.enabled=false";

    /** The context; nested in a test class, so that the gateway's own component scan in other tests leaves it out. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration(
            exclude = {
                DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class,
                JdbcTemplateAutoConfiguration.class,
                FlywayAutoConfiguration.class
            })
    public static class Routes {}
}
