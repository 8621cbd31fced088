package org.gongjian.assessment;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A ranked unit as pages and the API name it: code, short name, English name and peer group. */
public record UnitRef(long id, String code, String name, @Nullable String nameEn, PeerGroup group) {

    public String displayName(Locale locale) {
        return !"zh".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }
}
