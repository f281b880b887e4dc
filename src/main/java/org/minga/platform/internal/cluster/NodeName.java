package org.minga.platform.internal.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** This node's name in leases and logs: MINGA_NODE, else the host name and a random suffix. */
@Component
class NodeName {

    private final String value;

    NodeName(@Value("${minga.node:}") String configured) {
        this.value = configured.isBlank() ? host() + "-" + UUID.randomUUID().toString().substring(0, 8) : configured;
    }

    String value() {
        return value;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
