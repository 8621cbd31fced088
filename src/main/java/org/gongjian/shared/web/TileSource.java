package org.gongjian.shared.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured XYZ tile URL for a map's background (e.g. {@code https://{s}.tile.example.org/{z}/{x}/{y}.png}) and
 * the Content-Security-Policy source that lets a page load its images: the scheme and host, with a wildcard for
 * the {@code {s}} subdomain. An empty setting means no tiles (the map draws on a plain background, offline).
 */
public record TileSource(String url, String cspSource) {

    private static final Pattern URL = Pattern.compile("(https?)://((?:\\{s}\\.)?)([A-Za-z0-9.-]+)(:[0-9]{1,5})?(/[^\\s'\";]*)");

    /** The tile source of a setting, none when it is blank; a setting that is no XYZ URL is refused at start. */
    public static Optional<TileSource> of(String setting) {
        if (setting == null || setting.isBlank()) {
            return Optional.empty();
        }
        String url = setting.strip();
        Matcher m = URL.matcher(url);
        if (!m.matches() || !m.group(5).contains("{z}") || !m.group(5).contains("{x}") || !m.group(5).contains("{y}")
                || m.group(3).startsWith(".") || m.group(3).endsWith(".")) {
            throw new IllegalArgumentException("A tile URL is http(s)://host/…{z}/{x}/{y}… (a {s}. subdomain allowed): " + url);
        }
        String host = (m.group(2).isEmpty() ? "" : "*.") + m.group(3) + (m.group(4) == null ? "" : m.group(4));
        return Optional.of(new TileSource(url, m.group(1) + "://" + host));
    }
}
