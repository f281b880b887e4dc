package org.minga.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword password of the first administrator; generated and printed once if empty
 * @param login         how many failed logins lock a pair (user name, address) or an address, and for how long
 * @param signUp        how many citizens may sign up from one address in a window
 */
@ConfigurationProperties("minga.identity")
public record IdentityProperties(String adminPassword, @DefaultValue Login login, @DefaultValue SignUp signUp) {

    /**
     * Ten an hour by default: a family or a community centre behind one address signs up; a
     * script making accounts to vote does not get far.
     */
    public record SignUp(@DefaultValue("10") int maxPerAddress, @DefaultValue("1h") Duration window) {
    }

    public record Login(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("30") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockout) {
    }
}
