package vn.dvcsync.mapping;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvcsync.kernel.MappingsProperties;

/** The mappings are parsed once at start: a broken mapping stops the gateway with the file and key named. */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    @Bean
    TextPolicy textPolicy(MappingsProperties props) {
        return TextPolicy.load(props.dir());
    }

    @Bean
    PortalMapping portalMapping(MappingsProperties props, TextPolicy text) {
        return PortalMapping.load(props.dir(), text);
    }

    @Bean
    ComparedFields comparedFields(MappingsProperties props) {
        return ComparedFields.load(props.dir());
    }

    @Bean
    PortalRules portalRules(TextPolicy text) {
        return new PortalRules(text);
    }
}
