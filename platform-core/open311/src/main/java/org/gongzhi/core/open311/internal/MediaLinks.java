package org.gongzhi.core.open311.internal;

import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * What {@code media_url} says for an attachment: a link as it is, and uploaded evidence
 * ({@code evidence:<id>}) as its public copy under this endpoint, {@code <base>media/<district>/<id>}
 * ({@link Open311Resource#media}: served only while the case is public). Immutable.
 */
record MediaLinks(String base) {

    /** The public URL of {@code attachment} of a case of {@code t}. */
    String url(TenantDefinition t, String attachment) {
        if (attachment == null || !attachment.startsWith(EvidenceView.REFERENCE_PREFIX)) {
            return attachment;
        }
        return base + "media/" + t.id() + "/" + attachment.substring(EvidenceView.REFERENCE_PREFIX.length());
    }
}
