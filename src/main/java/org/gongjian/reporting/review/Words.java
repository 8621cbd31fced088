package org.gongjian.reporting.review;

import java.util.List;
import java.util.Locale;
import org.gongjian.shared.PartialDate;
import org.springframework.context.MessageSource;

/**
 * A report's fixed words in the reader's language, and dates, lists and section numbers written the way
 * each language writes them: 5月22日、一、 and 甲、乙 in Chinese; 2024-05-22, "1." and "a, b" in English.
 */
public record Words(MessageSource messages, Locale locale, int year) {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    public String get(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i];   // 2024, not 2,024
        }
        return messages.getMessage(key, plain, locale);
    }

    public boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    /** 5月22日 within the programme's year, 2023年 or 2030年12月31日 outside it (or when asked). */
    public String date(PartialDate date, boolean withYear) {
        if (!chinese()) {
            return date.toString();
        }
        return date.toChinese(withYear || date.start().getYear() != year);
    }

    /** Items joined as a list: 甲、乙、丙 or a, b, c. */
    public String list(List<String> items) {
        return String.join(chinese() ? "、" : ", ", items);
    }

    /** The label of the n-th sub-section (from 1): （一） or (1). */
    public String subsection(int n) {
        return chinese() ? "（" + numeral(n) + "）" : "(" + n + ") ";
    }

    /** 一 … 十, 十一 … 九十九 as Chinese writes them. */
    public static String numeral(int n) {
        if (n <= 10) {
            return NUMERALS[n - 1];
        }
        if (n < 20) {
            return "十" + NUMERALS[n - 11];
        }
        if (n < 100) {
            return NUMERALS[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10 - 1]);
        }
        return String.valueOf(n);
    }

    /** The label of the n-th section (from 1): 一、 or 1. */
    public String section(int n) {
        return chinese() && n < 100 ? numeral(n) + "、" : n + ". ";
    }
}
