package org.minga.platform.internal.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API's description: HTTP Basic with Minga accounts, errors as problem+json. What springdoc
 * cannot guess is derived here from the handlers, once for all modules: every operation has an
 * operationId ({@code <controller noun><Method>}, e.g. {@code casesCreateLine}) and a tag (the
 * controller's {@code @Tag}, else its module); its success status is the handler's {@code @ResponseStatus}; a handler taking files is a
 * {@code multipart/form-data} form; and a nested type is named after its enclosing type
 * ({@code Cases.Detail} is {@code CasesDetail}), so that two modules' {@code Detail} records are
 * two schemas, not one silently merged.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI mingaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Minga API").version("v1")
                        .description("API de Minga, plataforma abierta para la asociatividad territorial. Autenticación "
                                + "HTTP Basic con las cuentas de Minga, sin sesión ni token CSRF. Los errores siguen "
                                + "RFC 9457 (application/problem+json): un código estable (code), el título y el detalle "
                                + "en el idioma de Accept-Language (español por omisión, o inglés), y en errors[] el "
                                + "campo y la regla.")
                        .license(new License().name("Minga")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OperationCustomizer mingaOperations() {
        return (operation, handler) -> {
            operation.setOperationId(ApiNames.operationId(handler));
            operation.setTags(new ArrayList<>(List.of(ApiNames.tag(handler.getBeanType()))));
            documentStatus(operation, ApiNames.status(handler.getMethod()));
            return operation;
        };
    }

    /**
     * Request bodies as the handlers consume them. Two handlers on one path and method (a CSV body
     * or a multipart form) are one operation in the description, so this runs over the whole
     * document: a handler taking files documents a multipart form (never a JSON body), and every
     * media type a handler declares in {@code consumes} is listed.
     */
    @Bean
    OpenApiCustomizer mingaRequestBodies(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
        return openApi -> mapping.getObject().getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                PathItem path = openApi.getPaths() == null ? null
                        : openApi.getPaths().get(pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"));
                if (path == null) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    Operation operation = path.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name()));
                    if (operation != null) {
                        documentBody(operation, handler.getMethod(), info.getConsumesCondition()
                                .getConsumableMediaTypes().stream().map(Object::toString).toList());
                    }
                }
            }
        });
    }

    /** The tags the operations use, sorted, with their descriptions where a controller declared one. */
    @Bean
    OpenApiCustomizer mingaTags() {
        return openApi -> {
            var names = new TreeSet<String>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(o -> {
                    if (o.getTags() != null) {
                        names.addAll(o.getTags());
                    }
                }));
            }
            Map<String, Tag> declared = new LinkedHashMap<>();
            if (openApi.getTags() != null) {
                openApi.getTags().forEach(t -> declared.put(t.getName(), t));
            }
            openApi.setTags(names.stream().map(n -> declared.getOrDefault(n, new Tag().name(n))).toList());
        };
    }

    /** Replaces springdoc's model resolver (same class) with one that names nested types uniquely. */
    @Bean
    ModelResolver mingaSchemaNames(SpringDocConfigProperties properties) {
        boolean v31 = properties.isOpenapi31();
        return new ModelResolver(v31 ? Json31.mapper() : Json.mapper(), new EnclosedNames()).openapi31(v31);
    }

    /** The success response under the declared status: 201, 202 or 204 rather than springdoc's 200. */
    private static void documentStatus(Operation operation, int status) {
        ApiResponses responses = operation.getResponses();
        String code = String.valueOf(status);
        if (responses == null || status == 200) {
            return;
        }
        ApiResponse success = responses.containsKey(code) ? responses.get(code) : responses.get("200");
        if (success == null) {
            return;
        }
        if (status == 204) {
            success.setContent(null);
        }
        ApiResponses reordered = new ApiResponses();
        reordered.addApiResponse(code, success);
        responses.forEach((k, v) -> {
            if (!k.equals(code) && !k.equals("200")) {
                reordered.addApiResponse(k, v);
            }
        });
        operation.setResponses(reordered);
    }

    private static void documentBody(Operation operation, Method method, List<String> consumes) {
        boolean files = ApiNames.takesFiles(method);
        if (!files && consumes.isEmpty()) {
            return;
        }
        RequestBody body = operation.getRequestBody() == null ? new RequestBody().required(true)
                : operation.getRequestBody();
        Content content = body.getContent() == null ? new Content() : body.getContent();
        String multipart = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;
        if (files) {
            content.remove(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
            content.remove(org.springframework.http.MediaType.ALL_VALUE);
            content.put(multipart, new MediaType().schema(form(operation, method)));
        }
        for (String type : consumes) {
            if (!type.equals(multipart) && !content.containsKey(type)) {
                content.put(type, new MediaType().schema(new StringSchema()));
            }
        }
        operation.setRequestBody(body.content(content));
    }

    /** A form whose fields are the handler's request parameters, files as binary strings. */
    @SuppressWarnings("rawtypes")
    private static Schema<?> form(Operation operation, Method method) {
        Map<String, Schema> fields = new LinkedHashMap<>();
        for (Parameter p : method.getParameters()) {
            String name = ApiNames.formField(p);
            if (name != null) {
                fields.put(name, ApiNames.fieldSchema(p));
            }
        }
        if (operation.getParameters() != null) {
            operation.setParameters(new ArrayList<>(operation.getParameters().stream()
                    .filter(p -> !("query".equals(p.getIn()) && fields.containsKey(p.getName()))).toList()));
        }
        return new ObjectSchema().properties(fields);
    }

    /** {@code Cases.Detail} is {@code CasesDetail}; {@code ProjectApiController.NeedBody} is {@code ProjectNeedBody}. */
    static final class EnclosedNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            return ApiNames.schemaName(type);
        }
    }

    static Schema<?> binary() {
        return new StringSchema().format("binary");
    }

    static Schema<?> binaries() {
        return new ArraySchema().items(binary());
    }

    static boolean isFile(Parameter p) {
        return MultipartFile.class.isAssignableFrom(p.getType())
                || (List.class.isAssignableFrom(p.getType()) && p.getParameterizedType().getTypeName()
                        .contains(MultipartFile.class.getName()));
    }

    static RequestParam requestParam(Parameter p) {
        return AnnotatedElementUtils.findMergedAnnotation(p, RequestParam.class);
    }

    static RequestPart requestPart(Parameter p) {
        return AnnotatedElementUtils.findMergedAnnotation(p, RequestPart.class);
    }

    static ResponseStatus responseStatus(Method m) {
        return AnnotatedElementUtils.findMergedAnnotation(m, ResponseStatus.class);
    }
}
