package org.gongjian.roads.web;

import java.util.List;
import java.util.Locale;
import org.gongjian.roads.RoadIssues;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;

/** Small helpers the roads pages share. */
final class RoadsSupport {

    private RoadsSupport() {
    }

    /**
     * Runs a form's save when the form bound cleanly; a service's refusals go beside their fields, someone else's
     * change in between (a stale version) above the form. Answers whether it saved.
     */
    static boolean save(BindingResult result, Runnable action) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            FormErrors.add(result, e);
        } catch (ConflictException e) {
            result.reject(e.messageKey(), e.args(), e.messageKey());
        }
        return false;
    }

    static List<RoadIssues.PhotoRef> photoIds(RoadIssues issues, long id, boolean after) {
        return issues.photoRefs(id, after);
    }

    static List<String> texts(MessageSource messages, InvalidInputException e, Locale locale) {
        return e.violations().stream().map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)).toList();
    }

    static ResponseEntity<Resource> photo(RoadIssues issues, long id) {
        RoadIssues.PhotoFile file = issues.photoFile(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
