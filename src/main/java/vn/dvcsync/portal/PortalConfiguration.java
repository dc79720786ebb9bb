package vn.dvcsync.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal client, pointed at {@code dvcsync.portal.url} (or, with none, at the built-in simulator). */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    @Bean
    @ConditionalOnExpression("!'${dvcsync.portal.url:}'.isBlank()")
    PortalUrl configuredPortalUrl(PortalProperties props) {
        return props::url;
    }

    @Bean
    PortalClient portalClient(PortalProperties props, PortalUrl url, ProducerTemplate template, ObjectMapper json) {
        return new PortalClient(props, url, template, json);
    }
}
