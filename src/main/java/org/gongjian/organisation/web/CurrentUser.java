package org.gongjian.organisation.web;

import org.gongjian.organisation.AccountPrincipal;
import org.gongjian.organisation.Organisation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is logged in, for the top bar ({@code ${@who.displayName()}}). */
@Component("who")
class CurrentUser {

    private final Organisation organisation;

    CurrentUser(Organisation organisation) {
        this.organisation = organisation;
    }

    public String displayName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return "";
        }
        return auth.getPrincipal() instanceof AccountPrincipal p ? p.displayName() : auth.getName();
    }

    public @Nullable String unitName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p && p.actor().unitId() != null) {
            return organisation.findById(p.actor().unitId())
                    .map(u -> u.displayName(LocaleContextHolder.getLocale())).orElse(null);
        }
        return null;
    }
}
