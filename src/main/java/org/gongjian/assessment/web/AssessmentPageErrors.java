package org.gongjian.assessment.web;

import java.util.List;
import java.util.Locale;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.gongjian.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on an assessment page (an unknown unit, a period outside the programme, a malformed period)
 * shows a page that says what is wrong, in the reader's language, with the right status.
 */
@ControllerAdvice(assignableTypes = {RankingPageController.class, ScorecardPageController.class,
        AppealPageController.class, ProgressReportPageController.class, SchemePageController.class})
class AssessmentPageErrors {

    private final PageSupport pages;

    AssessmentPageErrors(PageSupport pages) {
        this.pages = pages;
    }

    @ExceptionHandler(LocalizedException.class)
    ModelAndView refused(LocalizedException e, Locale locale) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof ConflictException ? HttpStatus.CONFLICT
                : e instanceof InvalidInputException ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        ModelAndView page = new ModelAndView("assessment/error", status);
        List<String> errors = pages.errors(e, locale);
        page.addObject("errors", errors);
        return page;
    }
}
