package org.minga.identity.internal;

import java.io.IOException;
import java.util.HashSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session keeps the roles of its sign-in; this re-reads them on every page request, so a
 * revoked grant or a disabled account takes effect at once, on every node, not at the next login.
 */
class FreshAuthoritiesFilter extends OncePerRequestFilter {

    private final AccountDetailsService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    FreshAuthoritiesFilter(AccountDetailsService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication auth = context.getAuthentication();
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated()) {
            UserDetails fresh = load(auth.getName());
            if (fresh == null || !fresh.isEnabled()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            if (!new HashSet<>(fresh.getAuthorities()).equals(new HashSet<>(auth.getAuthorities()))) {
                var updated = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null,
                        fresh.getAuthorities());
                updated.setDetails(auth.getDetails());
                context.setAuthentication(updated);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private UserDetails load(String username) {
        try {
            return accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
