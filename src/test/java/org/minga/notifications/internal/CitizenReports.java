package org.minga.notifications.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.concurrent.Callable;

import org.minga.identity.internal.LogVerificationSender;
import org.minga.participation.internal.TerritorialIssues;
import org.minga.support.ApiFixtures;
import org.minga.support.ClientAddress;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** A scheme with a director, citizens who sign up as people do, and their reports, on the real services. */
final class CitizenReports {

    static final String PASSWORD = "una-clave-larga-1";
    final long scheme;
    final String director;
    private final MockMvc mvc;
    private final TerritorialIssues issues;
    private final LogVerificationSender codes;
    private final double lat;
    private final double lon;

    CitizenReports(MockMvc mvc, JdbcClient jdbc, TerritorialIssues issues, LogVerificationSender codes)
            throws Exception {
        this.mvc = mvc;
        this.issues = issues;
        this.codes = codes;
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Provincia avisada"));
        fixtures.members(scheme, "54498", "54003");
        director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        double[] centre = jdbc.sql("""
                select centroid_lat, centroid_lon from territorial_unit where country = 'CO' and code = '54498'
                and valid_to is null""").query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        lat = centre[0];
        lon = centre[1];
    }

    /** A citizen who signed up with an e-mail address and verified the code sent to them. */
    String citizen() throws Exception {
        String name = TestData.unique("vecina");
        mvc.perform(post("/public/participation/register").with(csrf()).with(ClientAddress.from(
                "10.20." + (name.hashCode() & 0xff) + "." + ((name.hashCode() >> 8) & 0xff))).param("username", name)
                .param("fullName", "Vecina Avisada").param("email", name + "@correo.co").param("password", PASSWORD)
                .param("unitCode", "54498")).andExpect(redirectedUrl("/login?registered"));
        mvc.perform(post("/participation/verify").with(user(name)).with(csrf())
                .param("code", codes.lastCodeFor(name).orElseThrow())).andExpect(redirectedUrl("/participation/verify"));
        return name;
    }

    long report(String who, String title) throws Exception {
        return as(who, () -> issues.report(new TerritorialIssues.Report(scheme, "WATER", title,
                "Descripción de " + title, lat, lon, null, true, List.of())));
    }

    void publish(long id) throws Exception {
        as(director, () -> {
            issues.publish(id);
            return null;
        });
    }

    void reject(long id, String reason) throws Exception {
        as(director, () -> {
            issues.reject(id, reason);
            return null;
        });
    }

    static <T> T as(String username, Callable<T> work) throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
