package vn.dvcsync.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvcsync.kernel.MappingsProperties;

/** The index model, read once at start from {@code <dvcsync.mappings.dir>/index-model.yaml}. */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean
    IndexModel indexModel(MappingsProperties mappings) {
        return IndexModel.load(mappings.dir().resolve("index-model.yaml"));
    }
}
