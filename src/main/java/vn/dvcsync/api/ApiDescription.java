package vn.dvcsync.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1/**} ({@code springdoc.paths-to-match}), at {@code /v3/api-docs} (JSON)
 * and {@code /v3/api-docs.yaml}, for ADMIN: what an admin who scripts the API reads.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI gatewayApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("dvc-sync-gateway API")
                        .version("v1")
                        .description("Runs, their mismatch reports and index estimates (ADMIN and OFFICIAL; an "
                                + "official bound to units sees those units only), dead letters, routes, schedules, "
                                + "quarantine, audit log and instances (ADMIN). Lists answer one page shape "
                                + "{items, page, size, total}; errors answer {\"error\": \"...\"} in one line."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
