package org.gongjian.reporting.render;

import org.springframework.http.MediaType;

/** The formats a report is written in, with their media types and file extensions. */
public enum Format {
    MD("text/markdown;charset=UTF-8", "md"),
    HTML("text/html;charset=UTF-8", "html"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** md, html, pdf or docx, in any case; anything else is refused with the formats offered. */
    public static Format parse(String text) {
        for (Format f : values()) {
            if (f.extension.equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new org.gongjian.shared.InvalidInputException("format", "error.report.format", text);
    }

    public MediaType mediaType() { return MediaType.parseMediaType(mediaType); }

    public String extension() { return extension; }
}
