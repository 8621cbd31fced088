package org.gongjian.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.RegisterFilter;
import org.gongjian.enterprise.YearFigures;
import org.gongjian.shared.UnitOfMeasure;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's figures for a year, computed from the register's yearly figures: a sector's output, its firms
 * per bracket (a firm counts in every bracket whose lower bound its output reaches), its listed and
 * above-scale firms, and a cluster's totals. Indicator codes carry what they are about after the measure:
 * {@code industry.output.<sector>}, {@code industry.firms-above.<sector>.<bracket>},
 * {@code industry.listed.<sector>}, {@code industry.above-scale-firms.<sector>},
 * {@code cluster.<firms|workers|output|exports-usd>.<cluster>}.
 */
@Service
@Transactional(readOnly = true)
public class IndustryFigures {

    static final String LEDGER = "industry";

    /** One figure of a year for an indicator and a unit ("" city-wide). */
    public record Figure(String indicator, String unit, LocalDate asOf, BigDecimal value, UnitOfMeasure uom) {
    }

    private final EnterpriseFigures figures;
    private final Enterprises enterprises;
    private final IndustryCatalogue catalogue;

    IndustryFigures(EnterpriseFigures figures, Enterprises enterprises, IndustryCatalogue catalogue) {
        this.figures = figures;
        this.enterprises = enterprises;
        this.catalogue = catalogue;
    }

    public static String output(String sector) {
        return "industry.output." + sector;
    }

    public static String firmsAbove(String sector, String bracket) {
        return "industry.firms-above." + sector + "." + bracket;
    }

    /** Firms of a sector per bracket valid at the year's end, in a year. */
    public List<BracketCount> bracketCounts(String sector, int year) {
        List<YearFigures> firms = inSector(catalogue.sector(sector), figures.forYear(year));
        return catalogue.brackets(LocalDate.of(year, 12, 31)).stream()
                .map(b -> new BracketCount(b, (int) firms.stream().filter(f -> b.counts(f.outputYuan())).count()))
                .toList();
    }

    /** A sector's output in a year (元). */
    public BigDecimal sectorOutput(String sector, int year) {
        return inSector(catalogue.sector(sector), figures.forYear(year)).stream().map(YearFigures::outputYuan)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A cluster's totals in a year. */
    public ClusterTotals clusterTotals(String cluster, int year) {
        catalogue.cluster(cluster);
        return clusterTotals(cluster, year, figures.forYear(year));
    }

    /** A cluster's totals from the year's figures already read. */
    private ClusterTotals clusterTotals(String cluster, int year, List<YearFigures> all) {
        List<YearFigures> members = all.stream().filter(f -> f.clusters().contains(cluster)).toList();
        long firms = enterprises.search(new RegisterFilter(null, null, null, null, cluster, null, null), Pageable.ofSize(1))
                .getTotalElements();
        return new ClusterTotals(cluster, year, (int) firms, members.size(),
                members.stream().mapToInt(YearFigures::employees).sum(),
                members.stream().map(YearFigures::outputYuan).reduce(BigDecimal.ZERO, BigDecimal::add),
                members.stream().map(YearFigures::exportsUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Every figure the ledger feeds for a year, city-wide and per town, as of the year's end (or today). */
    public List<Figure> figures(int year) {
        LocalDate asOf = figures.asOf(year);
        List<YearFigures> all = figures.forYear(year);
        List<Figure> out = new ArrayList<>();
        List<Bracket> brackets = catalogue.brackets(LocalDate.of(year, 12, 31));
        for (Sector sector : catalogue.sectors()) {
            Map<String, List<YearFigures>> byUnit = byUnit(inSector(sector, all));
            for (var unit : byUnit.entrySet()) {
                List<YearFigures> firms = unit.getValue();
                out.add(new Figure(output(sector.code()), unit.getKey(), asOf,
                        firms.stream().map(YearFigures::outputYuan).reduce(BigDecimal.ZERO, BigDecimal::add),
                        UnitOfMeasure.YUAN));
                for (Bracket b : brackets) {
                    out.add(new Figure(firmsAbove(sector.code(), b.code()), unit.getKey(), asOf,
                            BigDecimal.valueOf(firms.stream().filter(f -> b.counts(f.outputYuan())).count()),
                            UnitOfMeasure.ENTERPRISES));
                }
                out.add(new Figure("industry.listed." + sector.code(), unit.getKey(), asOf,
                        BigDecimal.valueOf(firms.stream().filter(f -> f.listedOn(asOf)).count()), UnitOfMeasure.ENTERPRISES));
                out.add(new Figure("industry.above-scale-firms." + sector.code(), unit.getKey(), asOf,
                        BigDecimal.valueOf(firms.stream().filter(YearFigures::aboveScale).count()),
                        UnitOfMeasure.ENTERPRISES));
            }
        }
        for (Cluster cluster : catalogue.clusters()) {
            ClusterTotals t = clusterTotals(cluster.code(), year, all);
            if (t.reporting() == 0) {
                continue;
            }
            out.add(new Figure("cluster.firms." + cluster.code(), "", asOf, BigDecimal.valueOf(t.firms()),
                    UnitOfMeasure.ENTERPRISES));
            out.add(new Figure("cluster.workers." + cluster.code(), "", asOf, BigDecimal.valueOf(t.workers()),
                    UnitOfMeasure.PEOPLE));
            out.add(new Figure("cluster.output." + cluster.code(), "", asOf, t.outputYuan(), UnitOfMeasure.YUAN));
            out.add(new Figure("cluster.exports-usd." + cluster.code(), "", asOf, t.exportsUsd(), UnitOfMeasure.USD));
        }
        return out;
    }

    static List<YearFigures> inSector(Sector sector, List<YearFigures> all) {
        return all.stream().filter(f -> f.inIndustry(sector.gbPrefixes())).toList();
    }

    private static Map<String, List<YearFigures>> byUnit(List<YearFigures> firms) {
        Map<String, List<YearFigures>> byUnit = new LinkedHashMap<>();
        if (firms.isEmpty()) {
            return byUnit;
        }
        byUnit.put("", firms);
        for (YearFigures f : firms) {
            byUnit.computeIfAbsent(f.townCode(), k -> new ArrayList<>()).add(f);
        }
        return byUnit;
    }
}
