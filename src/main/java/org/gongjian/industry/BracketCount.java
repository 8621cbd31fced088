package org.gongjian.industry;

/** How many firms of a sector reach a bracket in a year. */
public record BracketCount(Bracket bracket, int firms) {
}
