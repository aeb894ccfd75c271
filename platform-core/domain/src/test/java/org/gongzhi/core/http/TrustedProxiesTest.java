package org.gongzhi.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.Test;

public class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of("test", "127.0.0.1, ::1", "proxy.example.cn", "10.0.0.300",
            "10.0.0.2");

    @Test
    public void onlyIpLiteralsAreTrusted() {
        assertThat(proxies.trusts("127.0.0.1")).isTrue();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("proxy.example.cn")).as("names are never looked up").isFalse();
        assertThat(proxies.trusts("192.0.2.7")).isFalse();
        assertThat(TrustedProxies.none().trusts("127.0.0.1")).isFalse();
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("999.1.1.1")).isEmpty();
        assertThat(TrustedProxies.literal("2001:db8::1")).isPresent();
    }

    @Test
    public void theClientIsTheNearestUntrustedForwardedAddress() {
        assertThat(proxies.clientAddress("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("127.0.0.1", List.of("198.51.100.1, 203.0.113.9")))
                .as("the client may prepend anything: the value the proxy added counts").isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("127.0.0.1", List.of("203.0.113.9", "10.0.0.2")))
                .as("a chain of trusted proxies is walked from the right").isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("127.0.0.1", List.of("203.0.113.9, not-an-ip, 10.0.0.2")))
                .as("a malformed hop ends the walk at the last trusted one").isEqualTo("10.0.0.2");
        assertThat(proxies.clientAddress("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(proxies.clientAddress("192.0.2.7", List.of("203.0.113.9")))
                .as("anyone else's header is ignored").isEqualTo("192.0.2.7");
        assertThat(TrustedProxies.none().clientAddress("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
    }

    @Test
    public void lastValueOfARepeatedOrListedHeader() {
        assertThat(TrustedProxies.lastValue(List.of("http, https"))).isEqualTo("https");
        assertThat(TrustedProxies.lastValue(List.of("a", "b"))).isEqualTo("b");
        assertThat(TrustedProxies.lastValue(List.of(" "))).isNull();
        assertThat(TrustedProxies.lastValue(null)).isNull();
    }
}
