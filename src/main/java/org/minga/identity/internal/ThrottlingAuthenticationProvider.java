package org.minga.identity.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password login for forms and HTTP Basic alike, refused while the user name or address is locked. */
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
        String userKey = "user:" + authentication.getName().toLowerCase(Locale.ROOT);
        String addressKey = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? "address:" + details.getRemoteAddress() : null;
        Optional<LoginThrottle.State> userState = throttle.state(userKey);
        userState.flatMap(LoginThrottle.State::locked)
                .or(() -> addressKey == null ? Optional.empty()
                        : throttle.state(addressKey).flatMap(LoginThrottle.State::locked))
                .ifPresent(until -> {
                    throw new LoginThrottledException(until);
                });
        try {
            Authentication result = passwords.authenticate(authentication);
            if (userState.isPresent()) {
                throttle.success(userKey);
            }
            return result;
        } catch (BadCredentialsException e) {
            throttle.failure(userKey, limits.maxFailuresPerUser(), limits.window(), limits.lockout());
            if (addressKey != null) {
                throttle.failure(addressKey, limits.maxFailuresPerAddress(), limits.window(), limits.lockout());
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
