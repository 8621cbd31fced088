package org.gongjian.enterprise.web;

import org.gongjian.enterprise.Enterprises;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The enterprise register's pages: a searchable list and an enterprise. */
@Controller
class EnterprisePageController {

    private final Enterprises enterprises;

    EnterprisePageController(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping("/enterprises")
    @PreAuthorize("hasAuthority('enterprise:enterprise:read')")
    String list(@RequestParam(required = false) @Nullable String q, @PageableDefault(size = 25) Pageable pageable,
            Model model) {
        model.addAttribute("page", enterprises.search(q, null, null, pageable));
        model.addAttribute("q", q);
        return "enterprise/list";
    }

    @GetMapping("/enterprises/{uscc}")
    @PreAuthorize("hasAuthority('enterprise:enterprise:read')")
    String detail(@PathVariable String uscc, Model model) {
        model.addAttribute("e", enterprises.byUscc(uscc));
        return "enterprise/detail";
    }
}
