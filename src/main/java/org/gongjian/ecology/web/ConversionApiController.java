package org.gongjian.ecology.web;

import java.net.URI;
import org.gongjian.ecology.ConversionProject;
import org.gongjian.ecology.ConversionProjects;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GEP conversion projects (森林GEP转化绿色生态百千万项目): their ecology records and yearly reports. */
@RestController
@RequestMapping("/api/v1/ecology/conversion-projects")
@io.swagger.v3.oas.annotations.tags.Tag(name = "ecology", description = "森林GEP转化项目")
class ConversionApiController {

    private final ConversionProjects projects;

    ConversionApiController(ConversionProjects projects) {
        this.projects = projects;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ecology:account:read')")
    Page<ConversionProject> list(@PageableDefault(size = 20) Pageable pageable) {
        return projects.list(pageable);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('ecology:account:read')")
    ConversionProject project(@PathVariable String code) {
        return projects.project(code);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ecology:account:write')")
    ResponseEntity<ConversionProject> register(@RequestBody ConversionProjects.NewProject body) {
        ConversionProject p = projects.register(body, false);
        return ResponseEntity.created(URI.create("/api/v1/ecology/conversion-projects/" + p.projectCode())).body(p);
    }

    @PostMapping("/{code}/years")
    @PreAuthorize("hasAuthority('ecology:account:write')")
    ConversionProject report(@PathVariable String code, @RequestBody ConversionProject.Year body) {
        return projects.report(code, body);
    }
}
