package org.gongjian.volunteers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Resident ID-card numbers (GB 11643-1999): 6 digits of area, 8 of birth date, 3 of sequence and a check
 * digit (ISO 7064 MOD 11-2, where 10 is written {@code X}).
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** The number in its canonical form (trimmed, upper-case X), or null when it is not a valid number. */
    public static @Nullable String normalise(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim().toUpperCase(Locale.ROOT);
        if (s.length() != 18) {
            return null;
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return null;
            }
        }
        if (s.charAt(17) != checkDigit(s.substring(0, 17))) {
            return null;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
            if (birth.getYear() < 1900) {
                return null;
            }
        } catch (DateTimeException e) {
            return null;
        }
        return s;
    }

    public static boolean valid(@Nullable String raw) {
        return normalise(raw) != null;
    }

    /** The check digit of the first 17 digits. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** First 6 and last 2 shown, the rest starred: {@code 440783**********12}. */
    public static String mask(String number) {
        return number.substring(0, 6) + "*".repeat(number.length() - 8) + number.substring(number.length() - 2);
    }

    /** A name with all but its first character starred: 张** (for the public verification page). */
    public static String maskName(String name) {
        if (name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
