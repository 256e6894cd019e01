package de.kontor.base.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API documentation at /api/docs: Kontor's REST API with bearer tokens. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI kontorOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Kontor API")
                        .version("1")
                        .description("Get a token with POST /api/auth/token (or create a personal one under "
                                + "Administration → API tokens) and send it as 'Authorization: Bearer <token>'. "
                                + "Errors are application/problem+json with a stable 'code'."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
