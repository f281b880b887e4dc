package org.minga.identity.internal;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login for forms and HTTP Basic alike. Each check takes a slot on its address and on its
 * pair (user name, address) before the password is read; a locked pair or address is refused
 * unchecked. A guesser locks only their own pair: the user logs in from elsewhere.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final IdentityProperties.Login limits;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle,
            IdentityProperties.Login limits) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.limits = limits;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        String pairKey = LoginThrottle.pair(authentication.getName(), address);
        String addressKey = LoginThrottle.address(address);
        throttle.attempt(addressKey, limits.maxFailuresPerAddress(), limits.window(), limits.lockout())
                .ifPresent(until -> {
                    throw new LoginThrottledException(until);
                });
        Optional<java.time.Instant> pairLocked = throttle.attempt(pairKey, limits.maxFailuresPerUser(), limits.window(),
                limits.lockout());
        if (pairLocked.isPresent()) {
            throttle.failed(addressKey, limits.maxFailuresPerAddress(), limits.lockout());
            throw new LoginThrottledException(pairLocked.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(pairKey, addressKey);
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(pairKey, limits.maxFailuresPerUser(), limits.lockout());
            throttle.failed(addressKey, limits.maxFailuresPerAddress(), limits.lockout());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
