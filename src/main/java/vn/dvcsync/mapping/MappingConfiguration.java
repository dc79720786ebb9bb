package vn.dvcsync.mapping;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mappings are parsed once at start: a broken mapping stops the gateway with the file and key named. */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    @Bean
    PortalMapping portalMapping(MappingsProperties props) {
        return PortalMapping.load(props.dir());
    }

    @Bean
    PortalRules portalRules() {
        return new PortalRules();
    }
}
