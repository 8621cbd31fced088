package org.gongjian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the map's tile setting lets the Content-Security-Policy allow. */
class TileSourceTests {

    @Test
    void no_setting_means_no_tiles() {
        assertThat(TileSource.of("")).isEmpty();
        assertThat(TileSource.of("  ")).isEmpty();
    }

    @Test
    void the_policy_allows_the_tile_host_and_its_subdomains_when_the_url_has_one() {
        assertThat(TileSource.of("https://tiles.example.org/{z}/{x}/{y}.png")).hasValueSatisfying(
                t -> assertThat(t.cspSource()).isEqualTo("https://tiles.example.org"));
        assertThat(TileSource.of("https://{s}.tile.example.org:8443/osm/{z}/{x}/{y}.png?key=1")).hasValueSatisfying(
                t -> assertThat(t.cspSource()).isEqualTo("https://*.tile.example.org:8443"));
    }

    @Test
    void a_setting_that_is_no_xyz_url_or_could_widen_the_policy_is_refused() {
        assertThatThrownBy(() -> TileSource.of("https://tiles.example.org/tile.png")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileSource.of("ftp://tiles.example.org/{z}/{x}/{y}.png")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileSource.of("https://a.org; script-src * /{z}/{x}/{y}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileSource.of("https://*/{z}/{x}/{y}.png")).isInstanceOf(IllegalArgumentException.class);
    }
}
