package org.minga.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TrustedProxiesTests {

    private final TrustedProxies proxies = new TrustedProxies("10.0.0.0/24, 192.0.2.10");

    @Test
    void aTrustedBalancerNamesTheClient() throws Exception {
        var seen = through(request("10.0.0.5", "203.0.113.9", "https"));
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
    }

    @Test
    void addressesAClientWroteToTheLeftAreNotBelieved() throws Exception {
        assertThat(through(request("10.0.0.5", "1.2.3.4, 203.0.113.9, 192.0.2.10", null)).getRemoteAddr())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void anyoneElsesHeaderIsIgnored() throws Exception {
        var seen = through(request("198.51.100.7", "203.0.113.9", "https"));
        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.7");
        assertThat(seen.isSecure()).isFalse();
    }

    private static MockHttpServletRequest request(String from, String forwardedFor, String proto) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/schemes");
        request.setRemoteAddr(from);
        request.addHeader("X-Forwarded-For", forwardedFor);
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        return request;
    }

    private jakarta.servlet.ServletRequest through(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        proxies.doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest();
    }
}
