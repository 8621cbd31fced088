package org.gongjian.shared;

/** The request clashes with what is stored (a duplicate code, a stale version); answered with 409. */
public class ConflictException extends LocalizedException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
