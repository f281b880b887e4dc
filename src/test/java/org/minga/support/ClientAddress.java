package org.minga.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A request from a given client address, for limits kept per address (logins, sign-ups). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
