package org.gongjian.roads.web;

import java.util.List;
import java.util.Locale;
import org.gongjian.roads.RoadIssues;
import org.gongjian.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Small helpers the roads pages share. */
final class RoadsSupport {

    private RoadsSupport() {
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
