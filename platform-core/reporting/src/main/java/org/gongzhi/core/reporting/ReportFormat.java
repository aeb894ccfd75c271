package org.gongzhi.core.reporting;

/**
 * The file formats a {@link ReportRenderer} writes.
 *
 * @since 1.0
 */
public enum ReportFormat {
    /** A4 portrait PDF, the Noto Sans SC font embedded; for print and for filing. */
    PDF("application/pdf", "pdf"),
    /** One Excel worksheet with the whole report; table figures are numeric cells. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** The tables only, UTF-8 with a byte order mark, one block per table. */
    CSV("text/csv; charset=UTF-8", "csv");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** @return the media type for an HTTP {@code Content-Type} header */
    public String mediaType() {
        return mediaType;
    }

    /** @return the file name extension, without the dot */
    public String extension() {
        return extension;
    }
}
