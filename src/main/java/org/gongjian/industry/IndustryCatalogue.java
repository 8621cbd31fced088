package org.gongjian.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.programme.Indicator;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.Evidence;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.UnitOfMeasure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's reference data: sectors (sets of GB/T 4754 classes), output brackets (versioned policy data)
 * and clusters. A bracket entered here also enters the indicator codes it feeds into the programme's catalogue.
 */
@Service
@Transactional(readOnly = true)
public class IndustryCatalogue {

    private static final Pattern BRACKET_CODE = Pattern.compile("[0-9a-z][0-9a-z-]{0,15}");

    private final JdbcClient jdbc;
    private final TargetManagement targets;
    private final IndustryAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    IndustryCatalogue(JdbcClient jdbc, TargetManagement targets, IndustryAccess access, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    public List<Sector> sectors() {
        return jdbc.sql("select code, name, name_en, gb_prefixes, source_doc, evidence from industry_sector order by code")
                .query((rs, n) -> new Sector(rs.getString(1), rs.getString(2), rs.getString(3),
                        Arrays.asList(rs.getString(4).split(",")), rs.getString(5), Evidence.valueOf(rs.getString(6))))
                .list();
    }

    public Sector sector(String code) {
        return sectors().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("industry.error.sector-not-found", code));
    }

    /** Every version of every bracket, highest bound first. */
    public List<Bracket> allBrackets() {
        return jdbc.sql("""
                select id, code, name, lower_yuan, valid_from, valid_to, source_doc, evidence, version
                from industry_bracket order by lower_yuan desc, valid_from""")
                .query((rs, n) -> new Bracket(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                        Evidence.valueOf(rs.getString(8)), rs.getInt(9)))
                .list();
    }

    /** The brackets valid on a day, highest bound first. */
    public List<Bracket> brackets(LocalDate on) {
        return allBrackets().stream().filter(b -> b.validOn(on)).toList();
    }

    public List<Cluster> clusters() {
        return jdbc.sql("select code, name, recognition from industry_cluster order by code").query(Cluster.class).list();
    }

    public Cluster cluster(String code) {
        return clusters().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("industry.error.cluster-not-found", code));
    }

    /**
     * Enters a bracket: a new code, or a new version of an existing code valid from a later day (the version
     * before it then ends that day). Its indicator codes ({@code industry.firms-above.<sector>.<code>}) join
     * the programme's catalogue.
     */
    @Transactional
    public Bracket saveBracket(BracketData data) {
        access.checkManage();
        List<Violation> v = new ArrayList<>();
        if (data.code() == null || !BRACKET_CODE.matcher(data.code()).matches()) {
            v.add(new Violation("code", "industry.error.bracket-code"));
        }
        if (data.name() == null || data.name().isBlank() || data.name().length() > 100) {
            v.add(new Violation("name", "industry.error.name"));
        }
        if (data.lowerYuan() == null || data.lowerYuan().signum() <= 0 || data.lowerYuan().compareTo(new BigDecimal("1e16")) >= 0) {
            v.add(new Violation("lowerYuan", "industry.error.bracket-lower"));
        }
        if (data.validFrom() == null) {
            v.add(new Violation("validFrom", "industry.error.required"));
        }
        if (data.sourceDoc() == null || data.sourceDoc().isBlank() || data.sourceDoc().length() > 300) {
            v.add(new Violation("sourceDoc", "industry.error.source-doc"));
        }
        if (data.evidence() == null) {
            v.add(new Violation("evidence", "industry.error.required"));
        }
        Optional<Bracket> current = v.isEmpty() ? allBrackets().stream()
                .filter(b -> b.code().equals(data.code()) && b.validTo() == null).findFirst() : Optional.empty();
        if (current.isPresent() && !data.validFrom().isAfter(current.get().validFrom())) {
            v.add(new Violation("validFrom", "industry.error.bracket-valid-from", current.get().validFrom()));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        current.ifPresent(b -> jdbc.sql("update industry_bracket set valid_to = :d, version = version + 1 where id = :id")
                .param("d", data.validFrom()).param("id", b.id()).update());
        jdbc.sql("""
                insert into industry_bracket (code, name, lower_yuan, valid_from, source_doc, evidence)
                values (:code, :name, :lower, :from, :doc, :evidence)""")
                .param("code", data.code()).param("name", data.name().trim()).param("lower", data.lowerYuan())
                .param("from", data.validFrom()).param("doc", data.sourceDoc().trim()).param("evidence", data.evidence().name())
                .update();
        Bracket saved = allBrackets().stream().filter(b -> b.code().equals(data.code()) && b.validTo() == null)
                .findFirst().orElseThrow();
        for (Sector s : sectors()) {
            targets.registerIndicator(new Indicator(IndustryFigures.firmsAbove(s.code(), saved.code()),
                    s.name() + "产业" + saved.name() + "企业", s.nameEn() + " firms: " + saved.code(),
                    UnitOfMeasure.ENTERPRISES, IndustryFigures.LEDGER, "产业台账：年度产值达到档次下限（含）的企业数"));
        }
        if (current.isPresent()) {
            audit.updated("industry-bracket", saved.code(), current.get(), saved);
        } else {
            audit.created("industry-bracket", saved.code(), saved);
        }
        events.publishEvent(new IndustryChanged());
        return saved;
    }
}
