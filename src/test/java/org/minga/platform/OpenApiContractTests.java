package org.minga.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.platform.internal.web.ApiNames;
import org.minga.support.IntegrationTest;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The published API description against the handlers themselves, so that it cannot drift: every
 * {@code /api/**} handler is documented with an operationId (unique) and a tag; its documented
 * success status is the one it declares ({@code @ResponseStatus}), and the one it declares is the
 * one its code answers ({@code ResponseEntity.created/accepted/noContent/status}, read from the
 * bytecode); a handler taking files is documented as {@code multipart/form-data}; and no two
 * types reachable from the handlers' signatures share a schema name (springdoc would merge them
 * silently into one).
 */
@IntegrationTest
class OpenApiContractTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    JsonNode document;
    Map<HandlerMethod, List<Endpoint>> handlers = new HashMap<>();

    record Endpoint(String path, String method) {
    }

    @BeforeEach
    void setUp() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), body);
        document = json.readTree(body);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                var methods = e.getKey().getMethodsCondition().getMethods();
                assertThat(methods).as("%s declares its HTTP method", e.getValue()).isNotEmpty();
                methods.forEach(m -> handlers.computeIfAbsent(e.getValue(), h -> new ArrayList<>())
                        .add(new Endpoint(path, m.name().toLowerCase())));
            }
        }
        assertThat(handlers).hasSizeGreaterThan(100);
    }

    @Test
    void everyHandlerIsDocumentedWithAnOperationIdAndATag() {
        Map<String, Endpoint> ids = new HashMap<>();
        List<String> drift = new ArrayList<>();
        handlers.forEach((handler, endpoints) -> endpoints.forEach(endpoint -> {
            JsonNode operation = operation(endpoint);
            if (operation.isMissingNode()) {
                drift.add("undocumented: " + endpoint + " " + handler);
                return;
            }
            String id = operation.path("operationId").asString("");
            Endpoint before = ids.putIfAbsent(id, endpoint);
            if (id.isBlank() || (before != null && !before.equals(endpoint))) {
                drift.add("operationId missing or repeated (" + id + "): " + endpoint);
            }
            if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
                drift.add("no tag: " + endpoint);
            }
        }));
        assertThat(drift).isEmpty();
    }

    @Test
    void theDocumentedSuccessIsTheDeclaredStatusAndTheDeclaredIsTheAnswered() throws IOException {
        List<String> drift = new ArrayList<>();
        for (var entry : handlers.entrySet()) {
            Method method = entry.getKey().getMethod();
            int declared = ApiNames.status(method);
            Set<Integer> answered = answeredStatuses(method);
            if (!answered.isEmpty() && !answered.equals(Set.of(declared))) {
                drift.add(method + " declares " + declared + " but answers " + answered);
            }
            for (Endpoint endpoint : entry.getValue()) {
                Set<String> documented = new TreeSet<>();
                operation(endpoint).path("responses").propertyNames().forEach(code -> {
                    if (code.startsWith("2")) {
                        documented.add(code);
                    }
                });
                if (!documented.equals(Set.of(String.valueOf(declared)))) {
                    drift.add(endpoint + " documents " + documented + " but declares " + declared);
                }
            }
        }
        assertThat(drift).isEmpty();
    }

    @Test
    void handlersTakingFilesAreDocumentedAsMultipartFormsAndEveryConsumedTypeIsListed() {
        List<String> drift = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handlers.containsKey(handler)) {
                return;
            }
            for (Endpoint endpoint : handlers.get(handler)) {
                JsonNode content = operation(endpoint).path("requestBody").path("content");
                Set<String> types = new TreeSet<>(content.propertyNames());
                info.getConsumesCondition().getConsumableMediaTypes().forEach(type -> {
                    if (!types.contains(type.toString())) {
                        drift.add(endpoint + " consumes " + type + " but documents " + types);
                    }
                });
                if (!ApiNames.takesFiles(handler.getMethod())) {
                    continue;
                }
                if (!types.contains("multipart/form-data") || types.contains("application/json")) {
                    drift.add(endpoint + " takes files but documents " + types);
                    continue;
                }
                JsonNode fields = content.path("multipart/form-data").path("schema").path("properties");
                boolean binary = fields.propertyNames().stream().anyMatch(f -> fields.path(f).path("format")
                        .asString("").equals("binary") || fields.path(f).path("items").path("format").asString("")
                        .equals("binary"));
                if (!binary) {
                    drift.add(endpoint + " documents no file field: " + fields);
                }
            }
        });
        assertThat(drift).isEmpty();
    }

    @Test
    void noTwoTypesShareASchemaName() {
        Map<String, Set<Class<?>>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        handlers.keySet().forEach(handler -> {
            Method method = handler.getMethod();
            reach(method.getGenericReturnType(), seen);
            for (var p : method.getParameters()) {
                if (p.isAnnotationPresent(RequestBody.class)) {
                    reach(p.getParameterizedType(), seen);
                }
            }
        });
        seen.forEach(type -> byName.computeIfAbsent(ApiNames.schemaName(type), n -> new HashSet<>()).add(type));
        Map<String, Set<Class<?>>> shared = new TreeMap<>(byName);
        shared.values().removeIf(types -> types.size() < 2);
        assertThat(shared).as("types sharing a schema name").isEmpty();
        Set<String> schemas = new TreeSet<>(document.path("components").path("schemas").propertyNames());
        Set<String> missing = new TreeSet<>();
        seen.stream().filter(t -> !t.isEnum()).map(ApiNames::schemaName).filter(n -> !schemas.contains(n))
                .forEach(missing::add);
        assertThat(missing).as("reachable types without their schema (named otherwise or merged)").isEmpty();
    }

    private JsonNode operation(Endpoint endpoint) {
        return document.path("paths").path(endpoint.path()).path(endpoint.method());
    }

    /** Minga's types reachable from a signature: records and classes, through generics and components. */
    private static void reach(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            reach(p.getRawType(), seen);
            for (Type argument : p.getActualTypeArguments()) {
                reach(argument, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> c)) {
            return;
        }
        if (c.isArray()) {
            reach(c.getComponentType(), seen);
            return;
        }
        if (!c.getName().startsWith("org.minga.") || MultipartFile.class.isAssignableFrom(c) || !seen.add(c)) {
            return;
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                reach(component.getGenericType(), seen);
            }
        }
    }

    /** The 2xx statuses a handler's code answers through ResponseEntity's factories (lambdas included). */
    private static Set<Integer> answeredStatuses(Method method) throws IOException {
        Set<Integer> statuses = new TreeSet<>();
        String resource = method.getDeclaringClass().getName().replace('.', '/') + ".class";
        try (InputStream in = method.getDeclaringClass().getClassLoader().getResourceAsStream(resource)) {
            String descriptor = org.springframework.asm.Type.getMethodDescriptor(method);
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                        String[] exceptions) {
                    boolean mine = (name.equals(method.getName()) && desc.equals(descriptor))
                            || name.startsWith("lambda$" + method.getName() + "$");
                    return mine ? new StatusCalls(statuses) : null;
                }
            }, ClassReader.SKIP_DEBUG);
        }
        return statuses;
    }

    static final class StatusCalls extends MethodVisitor {

        private final Set<Integer> statuses;
        private final List<Integer> pending = new ArrayList<>();

        StatusCalls(Set<Integer> statuses) {
            super(Opcodes.ASM9);
            this.statuses = statuses;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.SIPUSH || opcode == Opcodes.BIPUSH) {
                pending.add(operand);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && owner.equals("org/springframework/http/HttpStatus")) {
                pending.add(HttpStatus.valueOf(name).value());
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (owner.equals("org/springframework/http/ResponseEntity") && opcode == Opcodes.INVOKESTATIC) {
                switch (name) {
                    case "created" -> statuses.add(201);
                    case "accepted" -> statuses.add(202);
                    case "noContent" -> statuses.add(204);
                    case "ok" -> statuses.add(200);
                    case "status" -> pending.stream().filter(s -> s >= 200 && s < 300).forEach(statuses::add);
                    default -> {
                    }
                }
            }
            if (!name.equals("valueOf")) {
                pending.clear();
            }
        }
    }
}
