package vn.dvcsync.run;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvcsync.support.RunContext;

/** The run id in the logging context of Camel's pool threads too (parallel multicasts and splits). */
@Configuration(proxyBeanMethods = false)
class RunLogging {

    @Bean
    CamelContextConfiguration runIdOnCamelThreads() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getExecutorServiceManager().setThreadPoolFactory(new RunContext.CamelPools());
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {}
        };
    }
}
