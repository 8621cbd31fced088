package org.gongjian.forms.web;

import org.gongjian.reporting.excel.ImportRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused workbook (too big, not an .xlsx, corrupt, a zip bomb, too many rows) as a problem detail. */
@RestControllerAdvice(assignableTypes = FormsApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FormsApiErrors {

    private final MessageSource messages;

    FormsApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ImportRefused.class)
    ProblemDetail refused(ImportRefused e) {
        HttpStatus status = "error.import.too-big".equals(e.messageKey()) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        problem.setTitle(messages.getMessage("problem.import-refused", null, "refused", LocaleContextHolder.getLocale()));
        return problem;
    }
}
