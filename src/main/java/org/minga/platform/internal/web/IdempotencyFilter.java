package org.minga.platform.internal.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.web.Idempotent;
import org.minga.platform.web.Problems.FieldProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;


/**
 * Honours {@code Idempotency-Key} on handlers marked {@link Idempotent}. Runs after Spring
 * Security (it needs the user): the first request with a key claims it in the database and is
 * served, its response kept; a repeat, even in parallel or on another node, waits for that
 * response and replays it. A key reused for a different request (another body or query) is 422.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final int MAX_KEY = 200;
    static final int MAX_BODY = 1024 * 1024;
    static final Duration WAIT = Duration.ofSeconds(30);

    private final IdempotencyKeys keys;
    /** Looked up on first use: filters are made before Spring MVC's beans. */
    private final ObjectProvider<RequestMappingHandlerMapping> handlers;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotencyKeys keys,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers,
            ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
        this.handlers = handlers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(Idempotent.HEADER) == null || "GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken || !idempotent(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(Idempotent.HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-input", "Pattern",
                    "problem.idempotency-key.pattern", String.valueOf(MAX_KEY));
            return;
        }
        Optional<CachedBody> body = CachedBody.of(request);
        if (body.isEmpty()) {
            problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Size",
                    "problem.idempotency-key.size");
            return;
        }
        CachedBody cached = body.get();
        IdempotencyKeys.Id id = new IdempotencyKeys.Id(auth.getName().toLowerCase(), request.getMethod() + " "
                + request.getRequestURI(), key);
        String fingerprint = fingerprint(cached);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            if (keys.claim(id, fingerprint)) {
                serve(cached, response, chain, id);
                return;
            }
            Optional<IdempotencyKeys.Stored> stored = keys.find(id);
            if (stored.isPresent() && !stored.get().fingerprint().equals(fingerprint)) {
                problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "SameRequest",
                        "problem.idempotency-key-reused.detail", key);
                return;
            }
            if (stored.isPresent() && stored.get().status() != null) {
                replay(stored.get(), response);
                return;
            }
            if (System.nanoTime() > deadline) {
                problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-progress", "InProgress",
                        "problem.idempotency-key-in-progress.detail");
                return;
            }
            sleep();
        }
    }

    /** Serves the first request with the key and keeps its response; a failure frees the key. */
    private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            IdempotencyKeys.Id id) throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            if (status < 500) {
                keys.complete(id, status, captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
                        captured.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(id);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyKeys.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null && stored.body().length > 0) {
            response.setContentLength(stored.body().length);
            response.getOutputStream().write(stored.body());
        }
    }

    private boolean idempotent(HttpServletRequest request) throws ServletException {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            HandlerExecutionChain found = handlers.getObject().getHandler(request);
            return found != null && found.getHandler() instanceof HandlerMethod method
                    && method.hasMethodAnnotation(Idempotent.class);
        } catch (Exception e) {
            return false;
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    /** What makes two requests the same: query, content type and body (a form's fields, less its CSRF token). */
    private static String fingerprint(CachedBody request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(request.getQueryString()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (request.form()) {
                Map<String, List<String>> fields = new TreeMap<>();
                request.getParameterMap().forEach((name, values) -> {
                    if (!name.equals("_csrf")) {
                        fields.put(name, List.of(values));
                    }
                });
                digest.update(fields.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                digest.update(String.valueOf(request.getContentType()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(request.bytes());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String rule, String messageKey, Object... args) throws IOException {
        String message = problems.text(request, messageKey, args);
        problems.write(request, response, status, code, message,
                Map.of("header", Idempotent.HEADER, "errors", List.of(new FieldProblem(Idempotent.HEADER, rule, message))));
    }

    private static void sleep() throws ServletException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException(e);
        }
    }

    /**
     * The request with its body read once, so that it can be both fingerprinted and handled. A
     * form's body is left to the container, which parses it into parameters.
     */
    static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] bytes;

        private CachedBody(HttpServletRequest request, byte[] bytes) {
            super(request);
            this.bytes = bytes;
        }

        static Optional<CachedBody> of(HttpServletRequest request) throws IOException {
            if (isForm(request)) {
                return Optional.of(new CachedBody(request, null));
            }
            byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? Optional.empty() : Optional.of(new CachedBody(request, bytes));
        }

        private static boolean isForm(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type))
                    || type.startsWith("multipart/"));
        }

        boolean form() {
            return bytes == null;
        }

        byte[] bytes() {
            return bytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bytes == null) {
                return super.getInputStream();
            }
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return bytes == null ? super.getReader()
                    : new BufferedReader(new InputStreamReader(getInputStream(),
                            getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding()));
        }
    }
}
