package org.gongjian.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A key project of the city's list. Money is held in 元; land in 亩, exactly (1 公顷 = 15 亩, so a figure
 * entered in 公顷 is multiplied without loss and 公顷 are shown from 亩).
 *
 * @param code           the national project code, see {@link ProjectCode}
 * @param townCode       the town or park unit it is built in (organisation unit code)
 * @param ownerUscc      the owner, an enterprise of the register, by its credit code
 * @param responsibleUnit the unit answering for it (organisation unit code)
 * @param leader         the 挂点领导, a user name
 * @param investedBefore investment completed before the first month reported here (元)
 * @param layoutElement  the plan layout element it belongs to, e.g. {@code hydrogen.base}
 */
public record KeyProject(long id, String code, String name, Set<Level> levels, Category category, Nature nature,
        @Nullable String industry, String townCode, @Nullable String park, @Nullable String ownerUscc,
        String responsibleUnit, @Nullable String leader, @Nullable BigDecimal landMu, BigDecimal totalInvestment,
        BigDecimal investedBefore, int startYear, int endYear, @Nullable BigDecimal expectedOutput,
        @Nullable BigDecimal expectedTax, @Nullable Integer expectedJobs, @Nullable String layoutElement,
        List<Funding> funding, boolean demo, int version) {

    public static final BigDecimal MU_PER_HECTARE = BigDecimal.valueOf(15);

    /** 省、市、县 key-project lists; a project may be on several. */
    public enum Level { PROVINCE, CITY, COUNTY }

    /** What kind of project it is; GEP conversion projects (GEP转化) also feed the ecology indicators. */
    public enum Category { INDUSTRY, INFRASTRUCTURE, SOCIAL, GEP_CONVERSION, OTHER }

    /** 储备, 前期, 新开工, 续建, 建成. */
    public enum Nature { RESERVE, PRELIMINARY, NEW_START, CONTINUING, COMPLETED }

    /** Where the money comes from. */
    public enum Source { FISCAL, SPECIAL_BOND, LOAN, SELF_RAISED, FOREIGN, OTHER }

    /** One part of the funding mix, in 元. */
    public record Funding(Source source, BigDecimal amount) {
    }

    /** The land in 公顷 (4 decimals), or null. */
    public @Nullable BigDecimal landHectares() {
        return landMu == null ? null : landMu.divide(MU_PER_HECTARE, 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** The link of its page. */
    public String link() {
        return "/projects/" + id;
    }
}
