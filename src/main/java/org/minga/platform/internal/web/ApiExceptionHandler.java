package org.minga.platform.internal.web;

import java.util.List;
import java.util.Locale;

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
        return invalid(errors, request.getRequestURI());
    }

    /** The noun ("trámite") said in the reader's language through {@code entity.<noun>}. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String noun = messages.getMessage(e.nounKey(), null, e.what(), locale);
        return problem(HttpStatus.NOT_FOUND, "not-found", request.getRequestURI(), noun, String.valueOf(e.id()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        return body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", Problems.title(messages, locale, "forbidden"),
                Refusals.reason(messages, e, locale), request.getRequestURI()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "duplicate", request.getRequestURI());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> stale(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "stale", request.getRequestURI());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (BadValues.causedBy(e)) {
            log.warn("Value refused by the database on {}: {}", request.getRequestURI(),
                    org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            Locale locale = LocaleContextHolder.getLocale();
            return body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-value",
                    Problems.title(messages, locale, "invalid-value"),
                    messages.getMessage("input.badValue", null, locale), request.getRequestURI()));
        }
        log.error("Unexpected error on {}", request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected", request.getRequestURI());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = fieldProblems(ex.getBindingResult());
        return invalid(errors, path(request));
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
        return invalid(errors, path(request));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        String type = ex.getRequiredType() == null ? "?" : ex.getRequiredType().getSimpleName();
        List<FieldProblem> errors = List.of(new FieldProblem(field, "Type", messages.getMessage("input.type",
                new Object[] {ex.getValue(), type}, LocaleContextHolder.getLocale())));
        return invalid(errors, path(request));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = List.of(new FieldProblem(ex.getParameterName(), "Required",
                messages.getMessage("input.required", null, LocaleContextHolder.getLocale())));
        return invalid(errors, path(request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var field = JsonFieldProblem.of(ex, messages, LocaleContextHolder.getLocale());
        if (field.isPresent()) {
            return invalid(List.of(field.get()), path(request));
        }
        Locale locale = LocaleContextHolder.getLocale();
        return body(Problems.of(HttpStatus.BAD_REQUEST, "unreadable", Problems.title(messages, locale, "unreadable"),
                messages.getMessage("input.unreadable", null, locale), path(request)));
    }

    /** Every other Spring MVC error (unknown method, unsupported media type...) as a problem, in words from the bundle. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = Problems.ofStatus(messages, LocaleContextHolder.getLocale(), statusCode, path(request));
        if (body instanceof ProblemDetail spring && spring.getProperties() != null) {
            spring.getProperties().forEach(problem::setProperty);
        }
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }

    private List<FieldProblem> fieldProblems(BindingResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        return result.getFieldErrors().stream()
                .map(fe -> new FieldProblem(fe.getField(), fe.getCode(), messages.getMessage(fe, locale)))
                .toList();
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors, String instance) {
        return body(Problems.invalid(messages, LocaleContextHolder.getLocale(), errors, instance));
    }

    private ResponseEntity<Object> problem(HttpStatus status, String code, String instance, Object... args) {
        return body(Problems.of(messages, LocaleContextHolder.getLocale(), status, code, instance, args));
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
