package org.gongjian.shared;

/** A named thing does not exist; answered with 404 and a localised message. */
public class NotFoundException extends LocalizedException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
