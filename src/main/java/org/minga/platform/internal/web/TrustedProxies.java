package org.minga.platform.internal.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a balancer every request comes from the balancer's address; X-Forwarded-For names the
 * client. The header is believed only when the request comes from a trusted proxy
 * (MINGA_TRUSTED_PROXIES): the client is the right-most address in it that is not itself a trusted
 * proxy, since a client can write any addresses to the left. Anyone else's header is ignored. The
 * request then answers that address everywhere (login throttling, sign-up limits, audit), and
 * X-Forwarded-Proto its scheme, so cookies of a site served over HTTPS are marked secure.
 */
class TrustedProxies extends OncePerRequestFilter {

    /** IPv4 dotted or IPv6 (a host name has no colon): anything else is never looked up. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    private final List<IpAddressMatcher> proxies;

    TrustedProxies(String addresses) {
        this.proxies = Arrays.stream(addresses.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    boolean trusts(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            return proxies.stream().anyMatch(p -> p.matches(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The client's address: the right-most forwarded one that is not a trusted proxy. */
    String client(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (!trusts(client)) {
            return client;
        }
        var forwarded = request.getHeaders("X-Forwarded-For");
        List<String> chain = forwarded == null ? List.of() : java.util.Collections.list(forwarded).stream()
                .flatMap(h -> Arrays.stream(h.split(","))).map(String::strip).filter(a -> !a.isEmpty()).toList();
        for (int i = chain.size() - 1; i >= 0; i--) {
            client = chain.get(i);
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!trusts(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String address = client(request);
        String proto = request.getHeader("X-Forwarded-Proto");
        boolean https = proto == null ? request.isSecure() : proto.strip().equalsIgnoreCase("https");
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return address;
            }

            @Override
            public String getRemoteHost() {
                return address;
            }

            @Override
            public String getScheme() {
                return proto == null ? super.getScheme() : https ? "https" : "http";
            }

            @Override
            public boolean isSecure() {
                return https;
            }
        }, response);
    }
}
