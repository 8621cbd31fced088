package org.gongjian.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.Decimals;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.gongjian.shared.NotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Errors of the JSON API as RFC 9457 problem details, in the reader's language (Accept-Language),
 * with an {@code errors} list of {@code {field, message}} for each invalid field. It comes before
 * {@link PageErrors}, which answers the pages' errors with a page.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "problem.not-found", text(e));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "problem.conflict", text(e));
    }

    /** A figure that breaks a plausibility rule: 422 naming the rule; sent again with confirm and a reason it is taken. */
    @ExceptionHandler(org.gongjian.shared.ConfirmationRequiredException.class)
    ProblemDetail confirmationRequired(org.gongjian.shared.ConfirmationRequiredException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.confirmation-required", text(e));
        problem.setProperty("rule", e.rule());
        problem.setProperty("errors", List.of(Map.of("field", "reason", "message", text(e))));
        return problem;
    }

    @ExceptionHandler(org.gongjian.shared.PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(org.gongjian.shared.PreconditionRequiredException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
                .body(problem(HttpStatus.PRECONDITION_REQUIRED, "problem.precondition-required", text(e)));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ProblemDetail concurrent(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "problem.conflict", message("error.stale-version"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "problem.forbidden", message("error.access-denied"));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid", message("error.invalid-input"));
        problem.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", message(v.messageKey(), v.args())))
                .toList());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid", message("error.invalid-input"));
        List<Map<String, String>> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> Map.of(
                        "field", error instanceof FieldError fe ? fe.getField() : error.getObjectName(),
                        "message", messages.getMessage(error, locale())))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid", message("error.unreadable-body"));
        JacksonException jackson = null;
        for (Throwable cause = ex; cause != null && jackson == null; cause = cause.getCause()) {
            if (cause instanceof JacksonException found && !found.getPath().isEmpty()) {
                jackson = found;
            }
        }
        if (jackson != null) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            String text = jackson instanceof BoundedNumbers.NumberOutOfRange
                    ? message("error.number-out-of-range", Decimals.MAX_INTEGER_DIGITS, Decimals.MAX_FRACTION_DIGITS)
                    : missing(jackson) ? message("error.required") : message("error.unreadable-field");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", text)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** A field left out or sent as null where a value must be (a number, a yes/no): "required", not "cannot be read". */
    private static boolean missing(JacksonException e) {
        if (e instanceof tools.jackson.databind.exc.InvalidNullException) {
            return true;
        }
        String text = String.valueOf(e.getOriginalMessage());
        return text.startsWith("Cannot map `null`") || text.startsWith("Missing required creator property");
    }

    /** A query or path parameter that cannot be read ({@code asOf=2024-13-45}): the parameter named, in the reader's language. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ex.getPropertyName() != null ? ex.getPropertyName() : "";
        Object value = ex.getValue();
        String shown = value == null ? "" : String.valueOf(value);
        shown = shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
        return fieldProblem(field, message("error.unreadable-parameter", shown));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblem(ex.getParameterName(), message("error.required"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblem(ex.getRequestPartName(), message("error.required"));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid", message("error.invalid-input"));
        problem.setProperty("errors", ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", result.getMethodParameter().getParameterName() == null ? ""
                                : result.getMethodParameter().getParameterName(),
                        "message", messages.getMessage(error, locale()))))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /** A body of a type the endpoint does not take: an upload endpoint wants multipart/form-data, the others JSON. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            org.springframework.web.HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(
                problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type", message("error.unsupported-media-type")));
    }

    /** A request to an upload endpoint that is not multipart at all. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(org.springframework.web.multipart.MultipartException e) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(
                    problem(HttpStatus.PAYLOAD_TOO_LARGE, "problem.too-large", message("error.page.413.text")));
        }
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(
                problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type", message("error.unsupported-media-type")));
    }

    /**
     * Anything else is the server's fault: a 500 problem detail in the reader's language, the cause in the log
     * only (never a stack trace or an exception's text in the answer).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;   // the framework answers these itself (with a problem detail)
        }
        if (UploadSizes.tooLarge(e)) {   // a chunked upload over the limit, found when the container parses its parts
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(
                    problem(HttpStatus.PAYLOAD_TOO_LARGE, "problem.too-large", message("error.page.413.text")));
        }
        LOG.error("Unexpected error answering an API request", e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal", message("error.internal")));
    }

    private ResponseEntity<Object> fieldProblem(String field, String text) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid", message("error.invalid-input"));
        problem.setProperty("errors", List.of(Map.of("field", field, "message", text)));
        return ResponseEntity.badRequest().body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(message(titleKey));
        return problem;
    }

    private String text(LocalizedException e) {
        return message(e.messageKey(), e.args());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
