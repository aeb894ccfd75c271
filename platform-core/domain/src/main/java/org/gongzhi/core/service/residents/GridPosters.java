package org.gongzhi.core.service.residents;

import org.osgi.annotation.versioning.ProviderType;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;

/**
 * QR posters of a district's grids (码上办): an A4 page per grid, community or building with a
 * QR code that opens the residents' reporting page with the grid preset,
 * {@code <publicUrl>/report/<district>/?grid=<code>}; cases reported from there carry the
 * channel {@code qr-code}. District administrators print them through REST, the shell and the
 * console.
 *
 * <p>Implemented by the report bundle; called by REST and the shell. Blocking: renders the whole
 * PDF on the caller's thread (about 10 ms a page; the first call loads the font, about a second).
 *
 * @since 1.7
 */
@ProviderType
public interface GridPosters {

    /** The most pages one file may have. */
    int MAX_PAGES = 500;

    /**
     * The posters as one PDF.
     *
     * @param tenantId the district
     * @param gridCode the grid (any level, the district's own code included)
     * @param below    false: the grid's own poster; true: one page for every grid under it, in
     *                 tree order at every level (a community: its grids and their buildings) — a
     *                 grid with nothing under it gets its own poster
     * @return the file
     * @throws NotFoundException   for an unknown district
     * @throws ValidationException naming {@code grid} when it is missing or not a grid of the
     *                             district, {@code below} when the posters would be more than
     *                             {@link #MAX_PAGES} pages
     */
    PosterFile posters(String tenantId, String gridCode, boolean below);

    /**
     * The address a grid's QR code encodes.
     *
     * @throws NotFoundException   for an unknown district
     * @throws ValidationException naming {@code grid} when it is not a grid of the district
     */
    String reportUrl(String tenantId, String gridCode);

    /**
     * A rendered poster file.
     *
     * @param fileName {@code posters-<district>-<grid>.pdf}
     * @param pages    the number of posters (pages)
     * @param pdf      the file
     */
    record PosterFile(String fileName, int pages, byte[] pdf) {
    }
}
