package org.gongjian.ipcentre;

import org.jspecify.annotations.Nullable;

/**
 * A party of a protection case: its role, name, for a firm its unified social credit code (checked, and looked up
 * in the enterprise register: {@code registered} says the register knows it), and a contact.
 */
public record Party(long id, long caseId, PartyRole role, String name, @Nullable String uscc, boolean registered,
        @Nullable String contact, boolean demo) {
}
