package org.minga.platform.internal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description: HTTP Basic with Minga accounts, errors as problem+json. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI mingaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Minga API").version("v1")
                        .description("API de Minga, plataforma abierta para la asociatividad territorial. Autenticación "
                                + "HTTP Basic con las cuentas de Minga, sin sesión ni token CSRF. Los errores siguen "
                                + "RFC 9457 (application/problem+json) y nombran el campo y la regla.")
                        .license(new License().name("Minga")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
