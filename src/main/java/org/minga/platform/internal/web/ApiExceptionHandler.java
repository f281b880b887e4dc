package org.minga.platform.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.minga.platform.InvalidInputException;
import org.minga.platform.NotFoundException;
import org.minga.platform.internal.web.input.BadValues;
import org.minga.platform.internal.web.input.JsonFieldProblem;
import org.minga.platform.web.Problems;
import org.minga.platform.web.Problems.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The API's errors, all as problem+json naming the field and the rule. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> errors = e.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.rule(), messages.getMessage(v.messageKey(), v.args(),
                        v.messageKey(), locale)))
                .toList();
        return body(Problems.invalid(summary(errors), errors, request.getRequestURI()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
        return body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "No encontrado",
                "No existe: " + e.getMessage() + ".", request.getRequestURI()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Acceso denegado",
                e.getMessage() == null || e.getMessage().isBlank() ? "No tiene permiso para esta acción."
                        : e.getMessage(),
                request.getRequestURI()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return body(Problems.of(HttpStatus.CONFLICT, "duplicate", "Ya existe",
                "Ya existe un registro con esos datos.", request.getRequestURI()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> stale(OptimisticLockingFailureException e, HttpServletRequest request) {
        return body(Problems.of(HttpStatus.CONFLICT, "stale", "Modificado por otra persona",
                "Otra persona cambió este registro; vuelva a cargarlo.", request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (BadValues.causedBy(e)) {
            log.warn("Value refused by the database on {}: {}", request.getRequestURI(),
                    org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", "Valor no admitido",
                    messages.getMessage("input.badValue", null, LocaleContextHolder.getLocale()),
                    request.getRequestURI()));
        }
        log.error("Unexpected error on {}", request.getRequestURI(), e);
        return body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected", "Error inesperado",
                "Ocurrió un error inesperado. Quedó registrado para revisión.", request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = fieldProblems(ex.getBindingResult());
        return body(Problems.invalid(summary(errors), errors, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(),
                        err.getCodes() == null ? "Invalid" : last(err.getCodes()),
                        messages.getMessage(err, LocaleContextHolder.getLocale()))))
                .toList();
        return body(Problems.invalid(summary(errors), errors, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        String type = ex.getRequiredType() == null ? "?" : ex.getRequiredType().getSimpleName();
        List<FieldProblem> errors = List.of(new FieldProblem(field, "Type", messages.getMessage("input.type",
                new Object[] {ex.getValue(), type}, LocaleContextHolder.getLocale())));
        return body(Problems.invalid(summary(errors), errors, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = List.of(new FieldProblem(ex.getParameterName(), "Required",
                messages.getMessage("input.required", null, LocaleContextHolder.getLocale())));
        return body(Problems.invalid(summary(errors), errors, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var field = JsonFieldProblem.of(ex, messages, LocaleContextHolder.getLocale());
        if (field.isPresent()) {
            return body(Problems.invalid(summary(List.of(field.get())), List.of(field.get()), path(request)));
        }
        return body(Problems.of(HttpStatus.BAD_REQUEST, "unreadable", "Cuerpo ilegible",
                messages.getMessage("input.unreadable", null, LocaleContextHolder.getLocale()), path(request)));
    }

    /** Every other Spring MVC error (unreadable JSON, wrong type, missing parameter) as a problem. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        problem.setInstance(java.net.URI.create(path(request)));
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }

    private List<FieldProblem> fieldProblems(BindingResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        return result.getFieldErrors().stream()
                .map(fe -> new FieldProblem(fe.getField(), fe.getCode(), messages.getMessage(fe, locale)))
                .toList();
    }

    private static String summary(List<FieldProblem> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("Datos no válidos.");
    }

    private static String last(String[] codes) {
        String code = codes[codes.length - 1];
        return code.contains(".") ? code.substring(code.lastIndexOf('.') + 1) : code;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest s ? s.getRequest().getRequestURI() : "";
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body((Object) Problems.asMap(problem));
    }

}
