package org.gongzhi.core.open311.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.evidence.Rendition;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.evidence.EvidenceRecords;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;

/**
 * The public copies of evidence that Open311's {@code media_url} names. Public means: the district is
 * active, the case is public, and the evidence came with the report or with a step that has a public note
 * (the same rule as the media of the update feed). The copy is the one without EXIF/GPS; originals never.
 */
final class PublicMedia {

    private final TenantDirectory tenants;
    private final CaseService cases;
    private final EvidenceRecords evidence;
    private final EvidenceStore store;

    PublicMedia(TenantDirectory tenants, CaseService cases, EvidenceRecords evidence, EvidenceStore store) {
        this.tenants = tenants;
        this.cases = cases;
        this.evidence = evidence;
        this.store = store;
    }

    Response serve(String district, String id) {
        try {
            EvidenceView e = publicEvidence(district, UUID.fromString(id));
            InputStream in = store.open(district, e.sha256(), Rendition.DISPLAY).orElse(null);
            if (in == null) {
                return notFound();
            }
            StreamingOutput body = out -> {
                try (InputStream source = in) {
                    source.transferTo(out);
                }
            };
            CacheControl cache = new CacheControl();
            cache.setMaxAge(300); // public only while the case stays public
            return Response.ok(body, e.displayMediaType()).cacheControl(cache)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "sandbox; default-src 'none'").build();
        } catch (IllegalArgumentException | NotFoundException e) {
            return notFound();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EvidenceView publicEvidence(String district, UUID id) {
        if (tenants.status(district).orElse(null) != TenantStatus.ACTIVE) {
            throw new NotFoundException(district);
        }
        EvidenceView e = evidence.get(district, id);
        if (e.caseId() == null || e.journalSeq() == null) {
            throw new NotFoundException(id.toString());
        }
        CaseView c = cases.get(district, e.caseId());
        boolean shown = c.publicCase() && cases.journal(district, c.id()).stream()
                .anyMatch(j -> j.seq() == e.journalSeq() && (j.action() == null || hasPublicNote(j)));
        if (!shown) {
            throw new NotFoundException(id.toString());
        }
        return e;
    }

    private static boolean hasPublicNote(JournalEntry j) {
        return j.publicNote() != null && !j.publicNote().isBlank();
    }

    private static Response notFound() {
        return Response.status(404).type("text/plain;charset=UTF-8").entity("Not found (不存在)").build();
    }
}
