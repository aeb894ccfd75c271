package org.gongzhi.core.reporting;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders QR posters (码上办) as one PDF, one A4 page per {@link Poster}: the headline, the
 * district, the grid's name and path, a large QR code of the poster's URL with the URL printed
 * small under it, the numbered instructions and the footer. Text is set in the embedded Noto Sans
 * SC font; the QR code (error correction level Q, a quiet zone of four modules) is drawn as vector
 * squares, sharp at any print size.
 *
 * <p>Implemented by the reporting bundle only; the platform's poster producer calls it.
 * Implementations are thread-safe and blocking (about 10 ms a page once the font is loaded; the
 * first call loads it, about a second). Callers bound the number of posters: the whole file is
 * built in memory (roughly 10 KB a page plus the font subset).
 *
 * @since 1.1
 */
@ProviderType
public interface PosterRenderer {

    /**
     * @param posters the posters, in page order; not null, not empty
     * @return the complete PDF file
     * @throws IllegalArgumentException  when {@code posters} is empty
     * @throws ReportRenderingException when the file cannot be written
     */
    byte[] render(List<Poster> posters);
}
