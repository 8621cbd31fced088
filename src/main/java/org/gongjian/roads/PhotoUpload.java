package org.gongjian.roads;

import org.springframework.core.io.InputStreamSource;

/** A photo as uploaded: its name as given, its declared size, and its content (checked by its first bytes). */
public record PhotoUpload(String fileName, long size, InputStreamSource content) {
}
