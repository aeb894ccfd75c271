package org.gongzhi.core.open311.internal;

import java.util.List;

/**
 * The service discovery document ({@code discovery.xml|json}): one GeoReport v2 endpoint with both
 * formats, of type {@code production}, or {@code test} while the public demo keys are configured.
 * It is the same for every district, so it takes no {@code jurisdiction_id}.
 */
final class Discovery {

    private Discovery() {
    }

    /**
     * @param changeset when the document (and the service definitions) last changed, sortable
     * @param url       the endpoint's base URL, e.g. {@code http://host:8181/open311/v2}
     * @param test      whether the endpoint is a test endpoint (type {@code test})
     */
    static Doc doc(String changeset, String url, boolean test) {
        return new Doc("discovery", Doc.fields(
                "changeset", changeset,
                "contact", "请联系所在区的综治中心（市域社会治理平台运维）"
                        + " (contact the comprehensive governance centre of the district concerned)",
                "key_service", "提交事件需要 api_key：请向所在区的综治中心申请，每个 api_key 只对一个区（jurisdiction_id）有效"
                        + " (posting needs an api_key: ask the district's centre; a key is valid for one jurisdiction_id)",
                "endpoints", new Doc.Items("endpoint", List.of(Doc.fields(
                        "specification", Open311Api.SPECIFICATION,
                        "url", url,
                        "changeset", changeset,
                        "type", test ? "test" : "production",
                        "formats", new Doc.Items("format",
                                List.of(Format.XML.mimeType(), Format.JSON.mimeType())))))));
    }
}
