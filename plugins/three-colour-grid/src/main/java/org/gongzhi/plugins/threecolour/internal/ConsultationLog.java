package org.gongzhi.plugins.threecolour.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * 会商记录 of one tenant: the department consultations held on key/difficult cases. Records of
 * collection {@code consultations}, a new UUID id each, refs {@code caseId=<uuid>} and
 * {@code grid=<code>}. A case may have several consultations.
 */
final class ConsultationLog {

    /** One consultation: its date, lead (牵头) and co-responsible (责任) departments, who took part, the conclusion. */
    record Consultation(String caseId, String gridCode, LocalDate date, String leadDepartment,
                        List<String> coDepartments, List<String> participants, String conclusion, LocalDate followUpBy) {
    }

    private final RecordCollection consultations;

    ConsultationLog(RecordCollection consultations) {
        this.consultations = consultations;
    }

    PluginRecord record(Consultation c, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.caseId());
        data.put("gridCode", c.gridCode());
        data.put("date", c.date().toString());
        data.put("leadDepartment", c.leadDepartment());
        data.put("coDepartments", List.copyOf(c.coDepartments()));
        data.put("participants", List.copyOf(c.participants()));
        data.put("conclusion", c.conclusion());
        data.put("followUpBy", c.followUpBy() == null ? null : c.followUpBy().toString());
        data.put("recordedAt", now.toString());
        return consultations.put(UUID.randomUUID().toString(), data,
                List.of("caseId=" + c.caseId(), "grid=" + c.gridCode()), 0L);
    }

    /** The case's consultations, oldest first. */
    List<PluginRecord> ofCase(String caseId) {
        return Records.all(consultations, "caseId=" + caseId);
    }

    /** One page of all consultations, or of one grid's ({@code grid} null for all), oldest first. */
    List<PluginRecord> page(String grid, int offset, int limit) {
        return consultations.find(grid == null ? null : "grid=" + grid, offset, limit);
    }

    /** How many consultations there are, or of one grid. */
    long count(String grid) {
        return consultations.count(grid == null ? null : "grid=" + grid);
    }

    /** Whether at least one consultation was recorded for the case. */
    boolean held(String caseId) {
        return consultations.count("caseId=" + caseId) > 0;
    }
}
