package org.minga.platform.internal.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * How the API's handlers are named in its description: the rules the OpenAPI customizers apply
 * and the contract test checks, in one place.
 */
public final class ApiNames {

    private ApiNames() {
    }

    /** The module of a type: the package segment under {@code org.minga}. */
    public static String module(Class<?> type) {
        String name = type.getPackageName();
        String rest = name.startsWith("org.minga.") ? name.substring("org.minga.".length()) : name;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The controller's declared {@code @Tag}, else its module. */
    public static String tag(Class<?> controller) {
        var declared = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(controller,
                io.swagger.v3.oas.annotations.tags.Tag.class);
        return declared != null && !declared.name().isBlank() ? declared.name() : module(controller);
    }

    /** {@code CasesApiController#createLine} is {@code casesCreateLine}. */
    public static String operationId(HandlerMethod handler) {
        return StringUtils.uncapitalize(noun(handler.getBeanType())) + StringUtils.capitalize(handler.getMethod().getName());
    }

    /** The declared success status: the method's (or its class's) {@code @ResponseStatus}, else 200. */
    public static int status(Method method) {
        ResponseStatus declared = OpenApiConfiguration.responseStatus(method);
        if (declared == null) {
            declared = org.springframework.core.annotation.AnnotatedElementUtils
                    .findMergedAnnotation(method.getDeclaringClass(), ResponseStatus.class);
        }
        return declared == null ? 200 : declared.code().value();
    }

    public static boolean takesFiles(Method method) {
        for (Parameter p : method.getParameters()) {
            if (OpenApiConfiguration.isFile(p)) {
                return true;
            }
        }
        return false;
    }

    /** A nested type is named after its enclosing type, less "ApiController"/"Controller". */
    public static String schemaName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        if (outer == null) {
            return type.getSimpleName();
        }
        return schemaName(outer).replaceAll("(Api)?Controller$", "") + type.getSimpleName();
    }

    static String noun(Class<?> controller) {
        String noun = controller.getSimpleName().replaceAll("(Api)?Controller$", "");
        return noun.isEmpty() ? module(controller) : noun;
    }

    /** The form field a multipart handler's parameter binds, or null (path variables, the request...). */
    static String formField(Parameter p) {
        RequestParam param = OpenApiConfiguration.requestParam(p);
        RequestPart part = OpenApiConfiguration.requestPart(p);
        if (param == null && part == null) {
            return OpenApiConfiguration.isFile(p) ? p.getName() : null;
        }
        String name = param != null ? param.name() : part.name();
        return name.isEmpty() ? p.getName() : name;
    }

    @SuppressWarnings("rawtypes")
    static Schema fieldSchema(Parameter p) {
        if (OpenApiConfiguration.isFile(p)) {
            return files(p);
        }
        Class<?> type = p.getType();
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return new IntegerSchema();
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return new NumberSchema();
        }
        if (type == Boolean.class || type == boolean.class) {
            return new BooleanSchema();
        }
        if (type == LocalDate.class) {
            return new DateSchema();
        }
        if (type.isEnum()) {
            StringSchema s = new StringSchema();
            for (Object c : type.getEnumConstants()) {
                s.addEnumItem(((Enum<?>) c).name());
            }
            return s;
        }
        return new StringSchema();
    }

    @SuppressWarnings("rawtypes")
    private static Schema files(Parameter p) {
        return List.class.isAssignableFrom(p.getType()) ? OpenApiConfiguration.binaries() : OpenApiConfiguration.binary();
    }
}
