package org.gongjian.reporting.web;

import java.util.Locale;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.ImportSettings;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file refused on the report pages is shown on the import page with a message naming what is wrong (too
 * big, not an .xlsx, damaged…); other errors of the pages take the common error page. The API's problem
 * details are {@link ReportingApiErrors}.
 */
@ControllerAdvice(assignableTypes = ReportPageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportPageErrors {

    private final MessageSource messages;
    private final ImportSettings settings;

    ReportPageErrors(MessageSource messages, ImportSettings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    @ExceptionHandler(ImportRefused.class)
    ModelAndView refused(ImportRefused e, Locale locale) {
        HttpStatus status = "error.import.too-big".equals(e.messageKey()) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return page(status, messages.getMessage(e.messageKey(), e.args(), locale));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooBig(MaxUploadSizeExceededException e, Locale locale) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage("error.import.too-big",
                new Object[] {String.valueOf(settings.maxBytes() / (1024 * 1024))}, locale));
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView malformed(MultipartException e, Locale locale) {
        return page(HttpStatus.BAD_REQUEST, messages.getMessage("error.import.multipart", null, locale));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("reporting/import-result");
        page.addObject("refused", message);
        page.setStatus(status);
        return page;
    }
}
