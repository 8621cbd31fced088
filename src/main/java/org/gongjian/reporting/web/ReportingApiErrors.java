package org.gongjian.reporting.web;

import org.gongjian.reporting.excel.ImportRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** A refused upload as a problem detail naming what is wrong with the file, in the reader's language. */
@RestControllerAdvice(assignableTypes = ExcelApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportingApiErrors {

    private final MessageSource messages;
    private final org.gongjian.reporting.excel.ImportSettings settings;

    ReportingApiErrors(MessageSource messages, org.gongjian.reporting.excel.ImportSettings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    @ExceptionHandler(ImportRefused.class)
    ProblemDetail refused(ImportRefused e) {
        HttpStatus status = "error.import.too-big".equals(e.messageKey()) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return problem(status, message(e.messageKey(), e.args()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooBig(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, message("error.import.too-big", String.valueOf(settings.maxBytes() / (1024 * 1024))));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformed(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, message("error.import.multipart"));
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(message("problem.import-refused"));
        return problem;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
