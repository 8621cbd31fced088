package org.gongjian.industry;

import org.jspecify.annotations.Nullable;

/** An industry cluster (产业集群): its members are the enterprises of the register that carry its code. */
public record Cluster(String code, String name, @Nullable String recognition) {
}
