package org.gongjian.enterprise;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from the 31-character
 * set {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z); the last is a check character computed from
 * the first 17 with the weights 3^(i) mod 31.
 */
public final class Uscc {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** The code as stored: trimmed and upper case. */
    public static String normalise(@Nullable String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether a code has 18 characters of the set and the right check character. */
    public static boolean valid(@Nullable String code) {
        String c = normalise(code);
        if (c.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(c.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(c.substring(0, 17)) == c.charAt(17);
    }

    /** The check character of the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a USCC character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }
}
