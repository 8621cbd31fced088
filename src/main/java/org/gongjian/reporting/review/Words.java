package org.gongjian.reporting.review;

import java.util.Locale;
import org.gongjian.shared.PartialDate;
import org.springframework.context.MessageSource;

/** The review's fixed words in the reader's language, and dates written as the article writes them. */
record Words(MessageSource messages, Locale locale, int year) {

    String get(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i];   // 2024, not 2,024
        }
        return messages.getMessage(key, plain, locale);
    }

    boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    /** 5月22日 within the programme's year, 2023年 or 2030年12月31日 outside it (or when asked). */
    String date(PartialDate date, boolean withYear) {
        if (!chinese()) {
            return date.toString();
        }
        return date.toChinese(withYear || date.start().getYear() != year);
    }
}
