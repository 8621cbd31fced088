package org.gongjian.shared.web;

import org.gongjian.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Optimistic locking over HTTP: GET answers an ETag of the version, PUT may send it back in If-Match. */
public final class Versions {

    private Versions() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an update's If-Match names; refused with 428 when there is none, so that nobody overwrites
     * what someone else saved meanwhile without knowing. {@code If-Match: *} overwrites deliberately (null).
     */
    public static @Nullable Integer requireIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new org.gongjian.shared.PreconditionRequiredException();
        }
        return fromIfMatch(ifMatch);
    }

    /** The version an If-Match header names, or null when there is none (or it is {@code *}). */
    public static @Nullable Integer fromIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return null;
        }
        String bare = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(bare);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "error.if-match", ifMatch);
        }
    }
}
