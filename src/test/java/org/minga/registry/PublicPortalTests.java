package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.jayway.jsonpath.JsonPath;

/**
 * Public Minga (issue 17, part A): the home at {@code /} for anonymous visitors, a scheme's public
 * profile with nothing private in it, the act's PDF, the Atom feed, the sitemap and robots.txt,
 * HTTP caching (ETag, 304, no cookie) and the profile's weight on the wire. Real HTTP where headers
 * and compression matter (Tomcat compresses, MockMvc does not).
 */
@IntegrationTest
class PublicPortalTests {

    static final String ADMIN = IntegrationTest.ADMIN_PASSWORD;
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    long scheme;
    String name;
    long act;
    byte[] pdf;
    long project;

    /**
     * A scheme seeded with public facts and with private ones: a person's contact, a seat holder's
     * name, a delegate's name, a stakeholder's internal note. Only the former may reach the profile.
     */
    @BeforeEach
    void seed() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        name = TestData.unique("Asociación Ñandú del Catatumbo");
        scheme = new ApiFixtures(mvc).scheme(name);
        api(post("/api/v1/registry/schemes/" + scheme + "/members"), """
                {"unitCode":"54498","joinedOn":"2020-01-01","delegate":"Delegada Privadísima"}""");
        api(post("/api/v1/registry/schemes/" + scheme + "/members"), """
                {"unitCode":"54003","joinedOn":"2022-06-01"}""");
        api(put("/api/v1/registry/schemes/" + scheme + "/contacts"), """
                [{"name":"María Reservada Pérez","role":"Tesorera","email":"maria.reservada@correo.co","phone":"3009998877"},
                 {"name":"Oficina de atención","role":"Ventanilla","email":"atencion@asociacion.gov.co","phone":"6075551234","publicChannel":true}]""");
        String body = mvc.perform(post("/api/v1/registry/schemes/" + scheme + "/bodies").with(httpBasic("admin", ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"BOARD\",\"name\":\"Junta directiva\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long board = ((Number) JsonPath.read(body, "$.id")).longValue();
        api(post("/api/v1/registry/schemes/" + scheme + "/bodies/" + board + "/seats"), """
                {"personName":"Juan Ocupante Secreto","role":"PRESIDENT","unitCode":"54498","termStart":"2024-01-01","termEnd":"2027-12-31"}""");
        pdf = LegalActTests.pdf();
        body = mvc.perform(multipart("/api/v1/registry/schemes/" + scheme + "/acts")
                .file(new MockMultipartFile("document", "estatutos-publicos.pdf", "application/pdf", pdf))
                .param("type", "STATUTES").param("number", "77").param("issuedOn", "2020-01-01")
                .param("issuer", "Asamblea fundadora").with(httpBasic("admin", ADMIN)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        act = ((Number) JsonPath.read(body, "$.id")).longValue();
        jdbc.sql("""
                insert into knowledge_item (scheme_id, kind, title, body, document_type, created_by)
                values (:s, 'TECHNICAL_DOCUMENT', 'Guía de compras conjuntas', 'publicada', 'Guía', 'admin')""")
                .param("s", scheme).update();
        // The stakeholder map is the team's: its notes are internal.
        jdbc.sql("""
                insert into actor (scheme_id, name, kind, interest, influence, notes)
                values (:s, 'Actor Reservado', 'PRIVATE', 3, 4, 'Nota interna confidencial')""")
                .param("s", scheme).update();
        project = jdbc.sql("""
                insert into project (scheme_id, code, name, sector, stage, stage_since)
                values (:s, 'P-1', 'Acueducto veredal público', 'WATER', 'IN_EXECUTION', date '2024-01-01') returning id""")
                .param("s", scheme).query(Long.class).single();
    }

    @Test
    void anonymousVisitorsGetThePublicHomeAtTheRootAndFindASchemeWithoutAccents() throws Exception {
        HttpResponse<String> home = fetch("/?q=" + java.net.URLEncoder.encode("nandu del catatumbo", StandardCharsets.UTF_8));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(name).contains("href=\"/public/schemes/" + scheme + "\"")
                .contains("href=\"/login\"").contains("href=\"/public/observatory\"")
                .contains("<link rel=\"canonical\" href=\"http://localhost:" + port + "/\">")
                .contains("<meta name=\"description\"")
                .contains("id=\"public-events\"");
        assertThat(results("/?q=zzzz-no-existe")).doesNotContain(name);
        // A filter narrows: another country has none of it.
        assertThat(results("/?q=nandu&country=SV")).doesNotContain(name);
        assertThat(results("/?q=NANDÚ&country=CO")).contains(name);
        // Signed-in people keep their own home.
        String signedIn = mvc.perform(get("/").with(user("admin").roles("PLATFORM_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(signedIn).doesNotContain("id=\"public-search\"");
    }

    @Test
    void theProfileShowsEachFieldFromItsPublicSourceAndNothingPrivate() throws Exception {
        String page = fetch("/public/schemes/" + scheme + "?on=2021-01-01").body();
        // Every field shown, and where it comes from.
        Map<String, String> shownFromSource = new LinkedHashMap<>();
        shownFromSource.put("scheme.name", jdbc.sql("select name from scheme where id = :s").param("s", scheme)
                .query(String.class).single());
        shownFromSource.put("scheme.status (label)", "En conformación");
        shownFromSource.put("membership_on(2021-01-01) → territorial_unit.name",
                jdbc.sql("select name from territorial_unit where country = 'CO' and code = '54498' and valid_to is null")
                        .query(String.class).single());
        shownFromSource.put("count(membership_on(2021-01-01))", "1 miembros el 01/01/2021");
        shownFromSource.put("legal_act.number", "Estatutos 77");
        shownFromSource.put("legal_act.issuer", "Asamblea fundadora");
        shownFromSource.put("legal_act.document_name", "estatutos-publicos.pdf");
        shownFromSource.put("governing_body.kind + name", "Junta directiva");
        shownFromSource.put("body_seat.role (label)", "Presidencia");
        shownFromSource.put("scheme_contact where public_channel", "atencion@asociacion.gov.co");
        shownFromSource.put("project.name (ProjectsPublicPart)", "Acueducto veredal público");
        shownFromSource.put("project link", "/public/projects/" + project);
        shownFromSource.put("knowledge_item.title (KnowledgePublicPart)", "Guía de compras conjuntas");
        shownFromSource.forEach((source, value) -> assertThat(page).as(source).contains(value));
        // Nothing private: a person's contact, a seat holder, a delegate, an internal note.
        assertThat(page).doesNotContain("María Reservada", "maria.reservada@correo.co", "3009998877",
                "Juan Ocupante Secreto", "Delegada Privadísima", "Nota interna confidencial", "Actor Reservado", "Tesorera");
        // The member who joined later is not a member on the chosen date, and is today.
        String abrego = jdbc.sql("select name from territorial_unit where country = 'CO' and code = '54003' and valid_to is null")
                .query(String.class).single();
        assertThat(page).doesNotContain(">" + abrego + "<");
        assertThat(fetch("/public/schemes/" + scheme).body()).contains(">" + abrego + "<").contains("2 miembros el");
    }

    @Test
    void aDateThatIsNotOneIsSaidBesideTheFieldAndNothingIsCached() throws Exception {
        HttpResponse<String> bad = fetch("/public/schemes/" + scheme + "?on=31-31-2020");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"on-error\"").contains("La fecha no es válida");
        assertThat(bad.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
    }

    @Test
    void theActsPdfIsPublicAndOnlyUnderItsScheme() throws Exception {
        HttpResponse<byte[]> document = http.send(request("/public/schemes/" + scheme + "/acts/" + act + "/document")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(document.body()).isEqualTo(pdf);
        long other = new ApiFixtures(mvc).scheme(TestData.unique("Otra"));
        assertThat(fetch("/public/schemes/" + other + "/acts/" + act + "/document").statusCode()).isEqualTo(404);
    }

    @Test
    void anonymousPublicPagesAreCacheableWithoutCookiesAnd304OnAMatchingEtag() throws Exception {
        String path = "/public/schemes/" + scheme;
        HttpResponse<String> first = fetch(path);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("public").contains("max-age=300");
        assertThat(first.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(request(path).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(fetch("/").headers().allValues("Set-Cookie")).isEmpty();

        // A change to the register is a new version: the old copy is no longer current.
        api(put("/api/v1/registry/schemes/" + scheme + "/strategic-lines"), "[\"Agua potable\"]");
        HttpResponse<String> changed = http.send(request(path).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("Agua potable");

        // Signed-in people never get a shared cache's copy.
        String cache = mvc.perform(get(path).with(user("admin").roles("PLATFORM_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Cache-Control");
        assertThat(cache).doesNotContain("public").contains("no-store");
    }

    @Test
    void aPublicPageIsRenderedOncePerChangeOfTheRegisterAndNeverServedToSignedInPeople() throws Exception {
        String path = "/public/schemes/" + scheme;
        String renamed = name + " Renombrada";
        assertThat(fetch(path).body()).contains(name);
        // Written behind Minga's back (not audited): the node's copy is still the current version.
        jdbc.sql("update scheme set name = :n where id = :id").param("n", renamed).param("id", scheme).update();
        assertThat(fetch(path).body()).doesNotContain(renamed);
        // Signed-in people get their own rendering, never the anonymous copy.
        assertThat(mvc.perform(get(path).with(user("admin").roles("PLATFORM_ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(renamed);
        // An audited change is a new version: the page is rendered again.
        api(put("/api/v1/registry/schemes/" + scheme + "/strategic-lines"), "[\"Riego\"]");
        assertThat(fetch(path).body()).contains(renamed).contains("Riego");
    }

    @Test
    void theLanguageLinkKeepsWhatThePageShows() throws Exception {
        String page = fetch("/public/schemes/" + scheme + "?on=2021-01-01").body();
        assertThat(page).contains("href=\"/public/schemes/" + scheme + "?on=2021-01-01&amp;lang=en\"");
    }

    @Test
    void aProfileWeighsUnder150KilobytesOnFirstLoadCompressed() throws Exception {
        HttpResponse<byte[]> html = http.send(request("/public/schemes/" + scheme).header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(html.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String page = new String(new GZIPInputStream(new ByteArrayInputStream(html.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        long total = html.body().length;
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:link rel=\"stylesheet\"|script) (?:href|src)=\"([^\"]+)\"").matcher(page);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).anyMatch(a -> a.contains("/leaflet/") && a.endsWith(".js")).anyMatch(a -> a.contains("minga"))
                .anyMatch(a -> a.contains("htmx"));
        for (String asset : assets) {
            HttpResponse<byte[]> file = http.send(request(asset).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            // Counted as sent: Tomcat leaves files under 2 KB uncompressed.
            total += file.body().length;
        }
        assertThat(total).isLessThan(150 * 1024);
    }

    @Test
    void theFeedIsAtomWithIdsDatesAndLinksToProfiles() throws Exception {
        HttpResponse<String> feed = fetch("/public/feed.atom");
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(root.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isPositive();
        }
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isPositive();
        boolean ours = false;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String id = text(entry, "id");
            assertThat(id).startsWith("http://localhost:" + port + "/public/schemes/");
            assertThat(java.time.Instant.parse(text(entry, "updated"))).isNotNull();
            String href = ((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href");
            assertThat(id).startsWith(href + "#event-");
            ours |= href.endsWith("/public/schemes/" + scheme) && text(entry, "title").startsWith(name);
        }
        assertThat(ours).isTrue();
    }

    @Test
    void theSitemapListsTheHomeTheObservatoryEveryProfileAndProjectAndRobotsPointsAtIt() throws Exception {
        String base = "http://localhost:" + port;
        assertThat(fetch("/robots.txt").body()).contains("Sitemap: " + base + "/sitemap.xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var index = factory.newDocumentBuilder().parse(new ByteArrayInputStream(fetch("/sitemap.xml").body()
                .getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(index.getLocalName()).isEqualTo("sitemapindex");
        List<String> locations = new ArrayList<>();
        NodeList files = index.getElementsByTagNameNS(SITEMAP, "loc");
        for (int i = 0; i < files.getLength(); i++) {
            String file = files.item(i).getTextContent();
            var set = factory.newDocumentBuilder().parse(new ByteArrayInputStream(fetch(file.substring(base.length()))
                    .body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            assertThat(set.getLocalName()).isEqualTo("urlset");
            NodeList locs = set.getElementsByTagNameNS(SITEMAP, "loc");
            for (int j = 0; j < locs.getLength(); j++) {
                locations.add(locs.item(j).getTextContent());
            }
        }
        long schemes = jdbc.sql("select count(*) from scheme").query(Long.class).single();
        long projects = jdbc.sql("select count(*) from project").query(Long.class).single();
        assertThat(locations).contains(base + "/", base + "/public/observatory", base + "/public/schemes/" + scheme,
                base + "/public/projects/" + project);
        assertThat(locations.stream().filter(l -> l.contains("/public/schemes/")).count()).isEqualTo(schemes);
        assertThat(locations.stream().filter(l -> l.contains("/public/projects/")).count()).isEqualTo(projects);
        assertThat(fetch("/sitemaps/projects-999999.xml").statusCode()).isEqualTo(404);
    }

    /** The home's list of schemes only (the latest events below it name schemes too). */
    private String results(String path) throws Exception {
        String page = fetch(path.replace("Ú", "%C3%9A")).body();
        int start = page.indexOf("id=\"public-schemes\"");
        return page.substring(start, page.indexOf("</table>", start));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }

    private void api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        mvc.perform(request.with(httpBasic("admin", ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is2xxSuccessful());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }
}
