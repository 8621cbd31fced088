package org.gongjian.shared;

/** An update of a record two people can edit sent without the version it was read at (If-Match): 428. */
public class PreconditionRequiredException extends LocalizedException {

    public PreconditionRequiredException() {
        super("error.if-match-required");
    }
}
