package org.gongjian.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.gongjian.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages, as a page in the layout with the message in the reader's language. The API's
 * errors are problem details ({@link ApiErrors}, which comes first for REST controllers).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, List.of(text(e)), response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, List.of(message("error.access-denied")), response);
    }

    @ExceptionHandler({ConflictException.class, OptimisticLockingFailureException.class})
    ModelAndView conflict(RuntimeException e, HttpServletResponse response) {
        String text = e instanceof LocalizedException l ? text(l) : message("error.stale-version");
        return page(HttpStatus.CONFLICT, List.of(text), response);
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST,
                e.violations().stream().map(v -> message(v.messageKey(), v.args())).toList(), response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, List.of(message("error.upload.too-large")), response);
    }

    private ModelAndView page(HttpStatus status, List<String> texts, HttpServletResponse response) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status.value());
        page.addObject("messages", texts);
        page.setStatus(status);
        response.setStatus(status.value());
        return page;
    }

    private String text(LocalizedException e) {
        return message(e.messageKey(), e.args());
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
