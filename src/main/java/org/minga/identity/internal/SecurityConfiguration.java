package org.minga.identity.internal;

import java.util.Map;


import org.minga.platform.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import tools.jackson.databind.ObjectMapper;

/**
 * Three doors. The API: HTTP Basic, stateless, no CSRF token, JSON 401/403. Operations
 * (actuator): health open, the rest for administrators. Pages: form login with a session and
 * CSRF. All three share one throttled password check and the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Pages: only our own scripts and styles; tiles for maps come later from OpenStreetMap. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: "
            + "https://tile.openstreetmap.org; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    /** Swagger UI sets styles inline; it is the only page that gets them. */
    static final String SWAGGER_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new CachingPasswordEncoder(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder,
            LoginThrottle throttle, IdentityProperties properties) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(
                new ThrottlingAuthenticationProvider(passwords, throttle, properties.login()));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager manager) throws Exception {
        AuthenticationEntryPoint unauthenticated = apiEntryPoint(json);
        return http.securityMatcher("/api/**")
                .authenticationManager(manager)
                // The register's open data, its catalogue and the observatory are public by law;
                // everything else needs an account.
                .authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET,
                        "/api/v1/registry/open-data/**", "/api/v1/open-data/**", "/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(apiAccessDenied(json)))
                .headers(h -> h.addHeaderWriter(contentSecurityPolicy()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, ObjectMapper json, AuthenticationManager manager)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = apiEntryPoint(json);
        return http.securityMatcher("/actuator/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                        .permitAll().anyRequest().hasRole("PLATFORM_ADMIN"))
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(apiAccessDenied(json)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager, AccountDetailsService accounts)
            throws Exception {
        return http
                .authenticationManager(manager)
                .addFilterBefore(new FreshAuthoritiesFilter(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/error/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/public/**").permitAll()
                        // Public Minga (issue 17): the home, and what search engines read.
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/", "/sitemap.xml", "/sitemaps/**",
                                "/robots.txt").permitAll()
                        // Citizens sign up on the public site.
                        .requestMatchers("/public/participation/register").permitAll()
                        // One-click unsubscribe from an e-mail (RFC 8058): a signed token, no session.
                        .requestMatchers("/public/notifications/unsubscribe").permitAll()
                        .requestMatchers("/admin/audit/**").hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/admin/**").hasAnyRole("PLATFORM_ADMIN", "SCHEME_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailure())
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                // The token in a cookie, not the session: an anonymous visit to the login page
                // creates no session on the server.
                .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository())
                        // Mail programs post the unsubscribe without a page; the signed token is the proof.
                        .ignoringRequestMatchers("/public/notifications/unsubscribe"))
                .headers(h -> h.addHeaderWriter(contentSecurityPolicy())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(self)")))
                .build();
    }

    private static HeaderWriter contentSecurityPolicy() {
        return (request, response) -> response.setHeader("Content-Security-Policy",
                request.getRequestURI().startsWith("/swagger-ui") ? SWAGGER_CSP : CSP);
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof LoginThrottledException ? "/login?throttled" : "/login?error"));
    }

    private static AuthenticationEntryPoint apiEntryPoint(ObjectMapper json) {
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                long seconds = Math.max(1, throttled.until().getEpochSecond() - java.time.Instant.now().getEpochSecond());
                response.setHeader("Retry-After", String.valueOf(seconds));
                Problems.write(request, response, json, HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                        "Demasiados intentos", throttled.getMessage(), Map.of("retryAfterSeconds", seconds));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Minga\", charset=\"UTF-8\"");
            Problems.write(request, response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "No autenticado",
                    "Se requiere autenticación: use HTTP Basic con su usuario y contraseña de Minga.", Map.of());
        };
    }

    private static AccessDeniedHandler apiAccessDenied(ObjectMapper json) {
        return (request, response, exception) -> Problems.write(request, response, json, HttpStatus.FORBIDDEN,
                "forbidden", "Acceso denegado", "No tiene permiso para esta acción.", Map.of());
    }

}
