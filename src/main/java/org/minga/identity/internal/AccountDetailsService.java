package org.minga.identity.internal;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads a user and turns each granted role into an authority (ROLE_SCHEME_ADMIN...). */
@Component
record AccountDetailsService(UserAccountRepository users) implements UserDetailsService {

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        List<SimpleGrantedAuthority> authorities = user.getGrants().stream().map(g -> "ROLE_" + g.role().name())
                .distinct().map(SimpleGrantedAuthority::new).toList();
        return User.withUsername(user.getUsername()).password(user.getPasswordHash()).disabled(!user.isEnabled())
                .authorities(authorities).build();
    }
}
