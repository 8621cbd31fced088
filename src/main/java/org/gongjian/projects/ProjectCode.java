package org.gongjian.projects;

import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 24-character code the national online approval and supervision platform gives every fixed-asset
 * investment project (发改投资〔2020〕1439号): year, region (行政区划代码), supervising department, project type
 * and serial, as {@code YYYY-DDDDDD-II-TT-NNNNNN}. The platform's check digit rule is not published, so the
 * format, a plausible year and a region that names a province are what is checked.
 */
public final class ProjectCode {

    public static final int LENGTH = 24;
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{6})-(\\d{2})-(\\d{2})-(\\d{6})");

    private ProjectCode() {
    }

    /** The code without surrounding blanks and with full-width digits and dashes made plain. */
    public static String normalise(String code) {
        StringBuilder plain = new StringBuilder();
        for (char c : code.trim().toCharArray()) {
            if (c >= '０' && c <= '９') {
                plain.append((char) (c - '０' + '0'));
            } else if (c == '－' || c == '—' || c == '–') {
                plain.append('-');
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    /** Whether a (normalised) code has the platform's format, a year from 2000 and a province-level region. */
    public static boolean valid(String code) {
        if (code.length() != LENGTH) {
            return false;
        }
        Matcher m = FORMAT.matcher(code);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int province = Integer.parseInt(m.group(2).substring(0, 2));
        return year >= 2000 && year <= Year.now().getValue() + 1 && province >= 11 && province <= 82;
    }
}
