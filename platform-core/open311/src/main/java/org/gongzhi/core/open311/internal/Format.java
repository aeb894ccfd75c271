package org.gongzhi.core.open311.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The response format a client asks for with the resource's extension ({@code services.xml},
 * {@code requests/1.json}). XML is the format GeoReport v2 requires, JSON the optional one.
 */
enum Format {
    XML("xml", "text/xml; charset=utf-8"),
    JSON("json", "application/json; charset=utf-8");

    private final String extension;
    private final String contentType;

    Format(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The extension without the dot, e.g. {@code xml}. */
    String extension() {
        return extension;
    }

    /** The Content-Type header of a response in this format. */
    String contentType() {
        return contentType;
    }

    /** The MIME type listed by service discovery, without parameters. */
    String mimeType() {
        return contentType.substring(0, contentType.indexOf(';'));
    }

    /** The format named by an extension (letter case ignored); empty for anything else. */
    static Optional<Format> of(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String e = extension.toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.extension.equals(e)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
