package org.gongzhi.core.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.gongzhi.core.reporting.ReportFormat;
import org.junit.Test;

/**
 * The bundle does not embed Apache POI: JasperReports 6.21 writes XLSX itself and needs POI only
 * to encrypt a workbook (and for the old XLS exporter), which this bundle never does. Run by the
 * surefire execution {@code xlsx-without-poi}, whose class path has no POI; skipped elsewhere.
 */
public class XlsxWithoutPoiTest {

    @Test
    public void xlsxNeedsNoPoi() throws IOException {
        assumeTrue("POI is on this class path", !onClassPath("org.apache.poi.ss.usermodel.Workbook"));
        byte[] xlsx = RendererHolder.renderer().render(SampleReports.monthly(), ReportFormat.XLSX);
        String sheet = null;
        String strings = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                } else if (entry.getName().equals("xl/sharedStrings.xml")) {
                    strings = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(sheet).containsPattern("t=\"n\"><v>1204(\\.0)?</v>").containsPattern("t=\"n\"><v>0\\.925</v>");
        assertThat(sheet == null ? "" : sheet + strings).contains(SampleReports.CASES_HEADING);
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, XlsxWithoutPoiTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
