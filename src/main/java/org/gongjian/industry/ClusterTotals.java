package org.gongjian.industry;

import java.math.BigDecimal;

/**
 * A cluster's totals for a year, computed from its members' figures: members (firms in the register), of them
 * with figures for the year, workers, output in 元 and exports in US dollars (never converted).
 */
public record ClusterTotals(String cluster, int year, int firms, int reporting, int workers, BigDecimal outputYuan,
        BigDecimal exportsUsd) {
}
