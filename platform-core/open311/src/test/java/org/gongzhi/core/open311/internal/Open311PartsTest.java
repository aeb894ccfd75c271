package org.gongzhi.core.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Test;

/** Dates, keys, documents and parameters on their own. */
public class Open311PartsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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
}
