package org.minga.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword password of the first administrator; generated and printed once if empty
 * @param login         how many failed logins lock a user name or an address, and for how long
 */
@ConfigurationProperties("minga.identity")
public record IdentityProperties(String adminPassword, @DefaultValue Login login) {

    public record Login(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("30") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockout) {
    }
}
