/**
 * Evidence (证据材料) on cases: photos, short videos and PDFs. {@link org.gongzhi.core.evidence.EvidenceStore}
 * takes an upload as a stream, decides its type from the bytes, stores the original and the copies that
 * may be served (no EXIF/GPS) by content (SHA-256), and opens them again. It knows nothing about cases,
 * access rules or who uploaded: the callers (REST, the resident page) keep those in the database.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.1")
package org.gongzhi.core.evidence;
