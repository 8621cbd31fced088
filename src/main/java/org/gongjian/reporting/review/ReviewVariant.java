package org.gongjian.reporting.review;

import java.util.Locale;
import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Which year-end review: the official 公文 an office can send (发文机关标志, 文号, 主送, 落款, no notes), or
 * the working copy with the article's byline, photo captions and the internal notes.
 */
public enum ReviewVariant {
    OFFICIAL, WORKING;

    /** {@code official} or {@code working}; none given: the default of the format. */
    public static ReviewVariant parse(@Nullable String text, ReviewVariant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("variant", "error.report.variant", text);
        }
    }
}
