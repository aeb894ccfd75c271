/**
 * The platform's HTTP edge as the public endpoints need it (Open311, the resident page): which
 * reverse proxies are trusted, and from that who the client is and which scheme and host it used.
 * Plain Java, no servlet API: callers pass the peer address and the header values.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.gongzhi.core.http;
