package org.gongzhi.core.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.casework.CaseStatus;
import org.junit.Test;

/** Dates, keys, documents and parameters on their own. */
public class Open311PartsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    public void uploadedEvidenceIsLinkedToItsPublicCopyAndLinksStayLinks() {
        var jizhou = new FakePlatform().tenants.require("jizhou");
        MediaLinks media = new MediaLinks("https://gongzhi.example.cn/open311/v2/");
        assertThat(media.url(jizhou, "evidence:3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c48"))
                .isEqualTo("https://gongzhi.example.cn/open311/v2/media/jizhou/3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c48");
        assertThat(media.url(jizhou, "https://img.example.cn/1.jpg")).isEqualTo("https://img.example.cn/1.jpg");
    }

    @Test
    public void datesAreW3cWithOffset() {
        Instant at = Instant.parse("2026-11-22T08:04:03.123Z");
        assertThat(W3cTime.format(at, SHANGHAI)).isEqualTo("2026-11-22T16:04:03+08:00");
        assertThat(W3cTime.format(at, ZoneOffset.UTC)).isEqualTo("2026-11-22T08:04:03Z");
        assertThat(W3cTime.format(null, SHANGHAI)).isNull();
        assertThat(W3cTime.parse("start_date", "2010-01-01T00:00:00Z", SHANGHAI)).isEqualTo(Instant.parse("2010-01-01T00:00:00Z"));
        assertThat(W3cTime.parse("start_date", "2010-01-01T08:00+08:00", SHANGHAI)).isEqualTo(Instant.parse("2010-01-01T00:00:00Z"));
        assertThat(W3cTime.parse("start_date", "2010-01-02", SHANGHAI)).isEqualTo(Instant.parse("2010-01-01T16:00:00Z"));
        assertThat(W3cTime.parse("start_date", " ", SHANGHAI)).isNull();
        assertThatThrownBy(() -> W3cTime.parse("end_date", "2010-01-01T00:00:00", SHANGHAI))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("end_date must be a w3c datetime");
    }

    @Test
    public void rangesDefaultToNinetyDays() {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        W3cTime.Range recent = W3cTime.range(null, null, SHANGHAI, now);
        assertThat(recent.to()).isEqualTo(now);
        assertThat(recent.from()).isEqualTo(now.minus(W3cTime.MAX_SPAN));
        W3cTime.Range from = W3cTime.range("2026-01-01T00:00:00Z", null, SHANGHAI, now);
        assertThat(from.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(from.contains(Instant.parse("2026-04-01T00:00:00Z"))).isTrue();
        assertThat(from.contains(Instant.parse("2026-04-01T00:00:01Z"))).isFalse();
        assertThatThrownBy(() -> W3cTime.range("2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", SHANGHAI, now))
                .hasMessageContaining("end_date must not be before start_date");
        assertThatThrownBy(() -> W3cTime.range("2026-01-01T00:00:00Z", "2026-04-01T00:00:01Z", SHANGHAI, now))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("90 days");
    }

    @Test
    public void apiKeysAreCheckedPerDistrictAndNeverShown() {
        List<ApiKeys.Client> clients = ApiKeys.parse(new String[] {
            "jizhou:jizhou-key-0123456789:吉州 App, donghu:short:x, donghu:donghu-key-0123456789:",
            "Bad District:bad-key-0123456789:x", "jiangbei:jizhou-key-0123456789:copy", "jiangbei:jiangbei-key-0123456789:jb"});
        assertThat(clients).extracting(ApiKeys.Client::district).containsExactly("jizhou", "jiangbei");
        ApiKeys keys = new ApiKeys(clients);
        assertThat(keys.client("jizhou", "jizhou-key-0123456789")).map(ApiKeys.Client::name).contains("吉州 App");
        assertThat(keys.client("jiangbei", "jizhou-key-0123456789")).isEmpty();
        assertThat(keys.client("jizhou", null)).isEmpty();
        assertThat(keys.client("jizhou", "jizhou-key-012345678")).isEmpty();
        assertThat(clients.get(0).toString()).doesNotContain("jizhou-key");
        assertThat(ApiKeys.parse(null)).isEmpty();
    }

    @Test
    public void documentsInBothFormats() {
        Doc doc = Doc.list("service_requests", "request",
                List.of(Doc.fields("service_request_id", "1", "account_id", null, "lat", 27.08, "ok", true)));
        assertThat(DocWriter.text(doc, Format.JSON))
                .isEqualTo("[{\"service_request_id\":\"1\",\"account_id\":null,\"lat\":27.08,\"ok\":true}]");
        assertThat(DocWriter.text(doc, Format.XML)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests>"
                + "<request><service_request_id>1</service_request_id><account_id/><lat>27.08</lat><ok>true</ok>"
                + "</request></service_requests>");
        assertThat(DocWriter.clean("a\u0000b\u0007c\td\ne")).isEqualTo("abc\td\ne");
        assertThat(DocWriter.text(new Doc("x", "<&>"), Format.XML)).endsWith("<x>&lt;&amp;&gt;</x>");
    }

    @Test
    public void parametersAndLanguages() {
        Form form = FakePlatform.form("status", "open, closed", "status", "", "media_url", "a", "media_url[]", "b",
                "lat", "NaN");
        assertThat(form.list("status")).containsExactly("open", "closed");
        assertThat(form.values("media_url")).containsExactly("a", "b");
        assertThat(form.first("status")).isEqualTo("open, closed");
        assertThat(form.first("missing")).isNull();
        assertThatThrownBy(() -> form.decimal("lat")).hasMessageContaining("lat must be a number");
        assertThatThrownBy(() -> form.required("service_code")).hasMessageContaining("service_code was not provided");
        assertThat(Open311Api.closed(List.of("open"))).isFalse();
        assertThat(Open311Api.closed(List.of("CLOSED"))).isTrue();
        assertThat(Open311Api.closed(List.of("open", "closed"))).isNull();
        assertThat(Open311Resource.english("en-US,zh;q=0.5")).isTrue();
        assertThat(Open311Resource.english("zh-CN,en;q=0.5")).isFalse();
        assertThat(Open311Resource.english(null)).isFalse();
        assertThat(Format.of("JSON")).contains(Format.JSON);
        assertThat(Format.of("html")).isEmpty();
    }

    @Test
    public void formsAreDecodedStrictly() {
        Map<String, List<String>> form = FormCodec.decode(
                "jurisdiction_id=jizhou&description=%E8%B7%AF%E7%81%AF+%E4%B8%8D%E4%BA%AE&media_url=a&media_url=b&flag&=x"
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(form.get("jurisdiction_id")).containsExactly("jizhou");
        assertThat(form.get("description")).containsExactly("路灯 不亮");
        assertThat(form.get("media_url")).containsExactly("a", "b");
        assertThat(form.get("flag")).containsExactly("");
        assertThat(FormCodec.decode("description=坑".getBytes(StandardCharsets.UTF_8)).get("description"))
                .containsExactly("坑");
        assertThat(FormCodec.decodeQuery(null)).isEmpty();
        assertThat(FormCodec.decodeQuery("a=%F0%9F%9A%A7").get("a")).containsExactly("\uD83D\uDEA7");

        assertThatThrownBy(() -> FormCodec.decodeQuery("description=a%00b")).isInstanceOf(Open311Exception.class)
                .hasMessageContaining("description 含有空字符 NUL");
        assertThatThrownBy(() -> FormCodec.decodeQuery("x%00y=1")).hasMessageContaining("parameter name 含有空字符 NUL");
        assertThatThrownBy(() -> FormCodec.decodeQuery("description=%zz")).hasMessageContaining("description 的百分号编码有误");
        assertThatThrownBy(() -> FormCodec.decodeQuery("description=%E8")).hasMessageContaining("description 不是有效的 UTF-8");
        // overlong "/" and an encoded lone surrogate
        assertThatThrownBy(() -> FormCodec.decodeQuery("a=%C0%AF")).hasMessageContaining("a 不是有效的 UTF-8");
        assertThatThrownBy(() -> FormCodec.decodeQuery("a=%ED%A0%80")).hasMessageContaining("a 不是有效的 UTF-8");
        assertThatThrownBy(() -> FormCodec.decodeQuery("a=%4")).hasMessageContaining("a 的百分号编码有误");
        assertThat(catchStatus(() -> FormCodec.decodeQuery("description=a%00b"))).isEqualTo(400);

        assertThat(FormCodec.checked("id", "360802-20261122-000001")).isEqualTo("360802-20261122-000001");
        assertThatThrownBy(() -> FormCodec.checked("service_request_id", "1\u00002")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> FormCodec.checked("token", "a\uD800b")).hasMessageContaining("lone UTF-16 surrogate");
    }

    @Test
    public void formBodiesMustBeUtf8FormEncoding() {
        FormCodec.requireForm("application/x-www-form-urlencoded");
        FormCodec.requireForm("Application/X-WWW-Form-Urlencoded; charset=UTF-8");
        FormCodec.requireForm("application/x-www-form-urlencoded;charset=\"utf-8\"");
        assertThat(catchStatus(() -> FormCodec.requireForm("application/json"))).isEqualTo(400);
        assertThat(catchStatus(() -> FormCodec.requireForm(null))).isEqualTo(400);
        assertThat(catchStatus(() -> FormCodec.requireForm("application/x-www-form-urlencoded; charset=foo")))
                .isEqualTo(415);
        assertThat(catchStatus(() -> FormCodec.requireForm("application/x-www-form-urlencoded; charset=utf-7")))
                .isEqualTo(415);
    }

    private static int catchStatus(Runnable r) {
        try {
            r.run();
        } catch (Open311Exception e) {
            return e.status();
        }
        throw new AssertionError("not refused");
    }

    @Test
    public void forwardedHeadersCountOnlyFromTrustedProxies() {
        URI base = URI.create("http://127.0.0.1:8181/");
        PublicUrl proxy = PublicUrl.trusting(new String[] {"127.0.0.1, ::1", "proxy.example.cn", "10.0.0.300"});
        assertThat(proxy.resolve(base, "127.0.0.1", List.of("https"), List.of("gongzhi.example.cn")))
                .isEqualTo(URI.create("https://gongzhi.example.cn/"));
        assertThat(proxy.resolve(base, "0:0:0:0:0:0:0:1", List.of("https"), List.of())).isEqualTo(
                URI.create("https://127.0.0.1:8181/"));
        assertThat(proxy.resolve(base, "127.0.0.1", List.of("http, https"), List.of("evil.example, gongzhi.example.cn:8443")))
                .as("the last value counts: the one the nearest proxy added")
                .isEqualTo(URI.create("https://gongzhi.example.cn:8443/"));
        assertThat(proxy.resolve(base, "192.0.2.7", List.of("https"), List.of("evil.example")))
                .as("anyone else's headers are ignored").isEqualTo(base);
        assertThat(proxy.resolve(base, "127.0.0.1", List.of("javascript"), List.of("a/b@evil.example")))
                .as("malformed values are ignored").isEqualTo(base);
        assertThat(proxy.resolve(base, "proxy.example.cn", List.of("https"), List.of("x.example"))).isEqualTo(base);
        PublicUrl none = PublicUrl.trusting(new String[0]);
        assertThat(none.resolve(base, "127.0.0.1", List.of("https"), List.of("gongzhi.example.cn"))).isEqualTo(base);
        assertThat(org.gongzhi.core.http.TrustedProxies.literal("localhost")).isEmpty();
        assertThat(org.gongzhi.core.http.TrustedProxies.literal("999.1.1.1")).isEmpty();
    }

    @Test
    public void demoKeysMakeATestEndpoint() {
        ApiKeys demo = new ApiKeys(ApiKeys.parse(new String[] {"jizhou:jizhou-open311-demo-key-2026:demo"}));
        ApiKeys real = new ApiKeys(ApiKeys.parse(new String[] {"jizhou:Zq8-random-production-key:app"}));
        assertThat(demo.demo()).isTrue();
        assertThat(real.demo()).isFalse();
        assertThat(DocWriter.text(Discovery.doc("c", "https://x/open311/v2", true), Format.JSON))
                .contains("\"type\":\"test\"");
        assertThat(DocWriter.text(Discovery.doc("c", "https://x/open311/v2", false), Format.JSON))
                .contains("\"type\":\"production\"");
    }

    @Test
    public void extendedStatusesTellRejectedFromFixed() {
        assertThat(RequestMapping.status(CaseStatus.REJECTED, false)).isEqualTo("closed");
        assertThat(RequestMapping.status(CaseStatus.CLOSED, false)).isEqualTo("closed");
        assertThat(RequestMapping.status(CaseStatus.REJECTED, true)).isEqualTo("no_further_action");
        assertThat(RequestMapping.status(CaseStatus.CLOSED, true)).isEqualTo("fixed");
        assertThat(RequestMapping.status(CaseStatus.EVALUATED, true)).isEqualTo("fixed");
        assertThat(RequestMapping.status(CaseStatus.REPORTED, true)).isEqualTo("open");
        assertThat(RequestMapping.status(CaseStatus.DISPATCHED, true)).isEqualTo("action_scheduled");
        assertThat(RequestMapping.status(CaseStatus.HANDLING, true)).isEqualTo("in_progress");
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(RequestMapping.status(s, true)).as(s.name()).isNotBlank();
        }
        assertThat(Open311Api.extended(FakePlatform.form("extended_statuses", "TRUE"))).isTrue();
        assertThat(Open311Api.extended(FakePlatform.form())).isFalse();
        assertThatThrownBy(() -> Open311Api.extended(FakePlatform.form("extended_statuses", "yes")))
                .hasMessageContaining("extended_statuses must be true or false");
    }
}
