package org.gongjian.industry;

import java.util.List;
import org.gongjian.shared.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * An industry as plans speak of it (食品, 水暖卫浴, 低空经济): the GB/T 4754 classes it covers, by prefix.
 */
public record Sector(String code, String name, @Nullable String nameEn, List<String> gbPrefixes, String sourceDoc,
        Evidence evidence) {
}
