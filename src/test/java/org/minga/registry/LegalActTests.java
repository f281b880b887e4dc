package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Legal acts with their PDF: recorded, listed, read back byte for byte; bad files and strangers refused. */
@IntegrationTest
class LegalActTests {

    static final String PASSWORD = "una-clave-larga-1";
    static final int LIMIT = 10 * 1024 * 1024;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    long scheme;
    long other;
    String director;

    @BeforeEach
    void setUp() throws Exception {
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Asomunicipios"));
        other = fixtures.scheme(TestData.unique("Otra asociación"));
        director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
    }

    /** A small but real PDF: one empty page, with a cross-reference table. */
    static byte[] pdf() {
        String body = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void anActIsRecordedListedAndItsPdfReadBackByteForByte() throws Exception {
        byte[] pdf = pdf();
        String body = upload(scheme, "COUNCIL_AUTHORISATION", "012", "2024-03-15", "Concejo Municipal de Ocaña",
                "54498", new MockMultipartFile("document", "acuerdo-012.pdf", "application/pdf", pdf))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("COUNCIL_AUTHORISATION"))
                .andExpect(jsonPath("$.documentSize").value(pdf.length))
                .andReturn().getResponse().getContentAsString();
        long act = ((Number) JsonPath.read(body, "$.id")).longValue();

        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/acts").with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].number").value("012"))
                .andExpect(jsonPath("$[0].unitCode").value("54498"))
                .andExpect(jsonPath("$[0].documentName").value("acuerdo-012.pdf"));
        byte[] read = mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/acts/" + act + "/document")
                .with(httpBasic(director, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andExpect(header().string("Content-Disposition", containsString("acuerdo-012.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(read).isEqualTo(pdf);

        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/timeline").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$[1].type").value("ACT_RECORDED"))
                .andExpect(jsonPath("$[1].summary").value("Acuerdo del concejo 012 de 2024, Concejo Municipal de Ocaña"));
        assertThat(audits("legal_act", act)).isEqualTo(1);
    }

    @Test
    void anyoneWhoMayReadTheRegisterReadsTheDocumentOnPagesToo() throws Exception {
        long act = created(upload(scheme, "STATUTES", "1", "2019-02-01", "Asamblea", null,
                new MockMultipartFile("document", "estatutos.pdf", "application/pdf", pdf())));
        String reader = TestData.unique("lectora");
        new ApiFixtures(mvc).user(reader, PASSWORD, "SCHEME_STAFF", other, null);
        byte[] read = mvc.perform(get("/registry/schemes/" + scheme + "/acts/" + act + "/document")
                .with(user(reader).roles("SCHEME_STAFF")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(read).isEqualTo(pdf());
        mvc.perform(get("/registry/schemes/" + other + "/acts/" + act + "/document")
                .with(user(reader).roles("SCHEME_STAFF")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aStatutesReformIsItsOwnEventInTheTimeline() throws Exception {
        upload(scheme, "STATUTES_REFORM", "3", "2021-06-30", "Asamblea General", null,
                new MockMultipartFile("document", "reforma.pdf", "application/pdf", pdf()))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/registry/schemes/" + scheme + "/timeline").with(httpBasic(director, PASSWORD)))
                .andExpect(jsonPath("$[1].type").value("STATUTES_REFORMED"))
                .andExpect(jsonPath("$[1].occurredOn").value("2021-06-30"))
                .andExpect(jsonPath("$[*].type", org.hamcrest.Matchers.not(hasItem("ACT_RECORDED"))));
    }

    @Test
    void aPngDeclaredAsPdfIsRefusedByItsContentAndNothingIsWritten() throws Exception {
        long files = storedFiles();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        upload(scheme, "COUNCIL_AUTHORISATION", "012", "2024-03-15", "Concejo Municipal de Ocaña", null,
                new MockMultipartFile("document", "acuerdo.pdf", "application/pdf", png))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("document"))
                .andExpect(jsonPath("$.errors[0].rule").value("Type"))
                .andExpect(jsonPath("$.errors[0].message").value("El documento no es un PDF; adjunte el acto en formato PDF."));
        assertNothingWritten(files);
    }

    @Test
    void aPdfOverTheLimitIsRefusedAndNothingIsWritten() throws Exception {
        long files = storedFiles();
        byte[] big = Arrays.copyOf(pdf(), LIMIT + 1);
        upload(scheme, "COUNCIL_AUTHORISATION", "012", "2024-03-15", "Concejo Municipal de Ocaña", null,
                new MockMultipartFile("document", "acuerdo.pdf", "application/pdf", big))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("document"))
                .andExpect(jsonPath("$.errors[0].rule").value("Size"))
                .andExpect(jsonPath("$.errors[0].message", containsString("10 MB")));
        assertNothingWritten(files);
    }

    @Test
    void missingFieldsAndABadUnitCodeAreNamedTogether() throws Exception {
        upload(scheme, "ORDENANZA", " ", null, null, "54 498", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("type", "number",
                        "issuedOn", "issuer", "unitCode", "document")))
                .andExpect(jsonPath("$.errors[?(@.field == 'unitCode')].rule").value(hasItem("Pattern")))
                .andExpect(jsonPath("$.errors[?(@.field == 'document')].rule").value(hasItem("Required")));
        assertNothingWritten(storedFiles());
    }

    /** Far above the limit the upload is refused before Spring parses it, still naming the field and rule. */
    @Test
    void anUploadFarOverTheLimitGetsAClearAnswerNotAGenericError() throws Exception {
        long files = storedFiles();
        String boundary = "----minga" + System.nanoTime();
        byte[] body = multipartBody(boundary, LIMIT + 2 * 1024 * 1024);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/registry/schemes/" + scheme + "/acts"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (director + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(api.body(), "$.errors[0].field")).isEqualTo("document");
        assertThat(JsonPath.<String>read(api.body(), "$.errors[0].rule")).isEqualTo("Size");

        assertNothingWritten(files);
    }

    /**
     * Beyond Spring's own multipart limit the form cannot even be read; the browser goes back to the
     * scheme page, which names the document and the limit (not a "forbidden" from the CSRF check).
     */
    @Test
    void aPageUploadBeyondSpringsLimitReturnsToTheSchemePageWithTheReason() throws Exception {
        long files = storedFiles();
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /registry/schemes/" + scheme + "/acts HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 300000000\r\n"
                    + "Connection: close\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server answers without reading the body, so read the head only, not to the end.
            var in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                assertThat(c).as("the answer's head").isNotNegative();
                head.append((char) c);
            }
            String answer = head.toString();
            assertThat(answer).startsWith("HTTP/1.1 303")
                    .contains("Location: /registry/schemes/" + scheme + "?documentTooLarge#acts");
        }
        mvc.perform(get("/registry/schemes/" + scheme).param("documentTooLarge", "")
                .with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(content().string(containsString("mite de 10 MB; reduzca el PDF")));
        assertNothingWritten(files);
    }

    @Test
    void aPageUploadOverTheLimitIsRefusedBesideTheFieldKeepingWhatWasTyped() throws Exception {
        mvc.perform(multipart("/registry/schemes/" + scheme + "/acts")
                .file(new MockMultipartFile("document", "grande.pdf", "application/pdf", Arrays.copyOf(pdf(), LIMIT + 1)))
                .param("type", "COUNCIL_AUTHORISATION").param("number", "013").param("issuedOn", "2024-03-15")
                .param("issuer", "Concejo Municipal de Teorama").with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        containsString("mite de 10 MB; reduzca el PDF"), containsString("value=\"013\""),
                        containsString("value=\"Concejo Municipal de Teorama\""))));
        assertNothingWritten(storedFiles());
    }

    @Test
    void aSchemeAdministratorCannotRecordActsOfAnotherScheme() throws Exception {
        long files = storedFiles();
        upload(other, "COUNCIL_AUTHORISATION", "012", "2024-03-15", "Concejo Municipal de Ocaña", null,
                new MockMultipartFile("document", "acuerdo.pdf", "application/pdf", pdf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(multipart("/registry/schemes/" + other + "/acts")
                .file(new MockMultipartFile("document", "acuerdo.pdf", "application/pdf", pdf()))
                .param("type", "STATUTES").param("number", "1").param("issuedOn", "2024-01-01")
                .param("issuer", "Asamblea").with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from legal_act where scheme_id = :s").param("s", other)
                .query(Long.class).single()).isZero();
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void thePageRecordsAnActAndShowsItInTheList() throws Exception {
        mvc.perform(multipart("/registry/schemes/" + scheme + "/acts")
                .file(new MockMultipartFile("document", "convenio.pdf", "application/pdf", pdf()))
                .param("type", "ASSOCIATION_AGREEMENT").param("number", "7").param("issuedOn", "1993-01-20")
                .param("issuer", "Alcaldes asociados").with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/registry/schemes/" + scheme))
                .andExpect(flash().attribute("notice", "act.recorded"));
        mvc.perform(get("/registry/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(containsString("class=\"acts\""),
                        containsString("Convenio de asociación"), containsString("1993-01-20"),
                        containsString("Alcaldes asociados"), containsString("convenio.pdf"),
                        containsString("id=\"act-document\""))));
    }

    @Test
    void thePageShowsTheRefusalBesideTheFieldAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(multipart("/registry/schemes/" + scheme + "/acts")
                .file(new MockMultipartFile("document", "foto.pdf", "application/pdf", "GIF89a".getBytes()))
                .param("type", "COUNCIL_AUTHORISATION").param("number", "012-XYZ").param("issuedOn", "2024-03-15")
                .param("issuer", "Concejo Municipal de Hacari").with(user(director).roles("SCHEME_ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        containsString("El documento no es un PDF; adjunte el acto en formato PDF."),
                        containsString("value=\"012-XYZ\""), containsString("value=\"Concejo Municipal de Hacari\""))));
        assertNothingWritten(storedFiles());
    }

    private ResultActions upload(long id, String type, String number, String issuedOn, String issuer, String unitCode,
            MockMultipartFile document) throws Exception {
        var request = multipart("/api/v1/registry/schemes/" + id + "/acts");
        if (document != null) {
            request.file(document);
        }
        request.param("type", type).param("number", number).param("issuer", issuer == null ? "" : issuer);
        if (issuedOn != null) {
            request.param("issuedOn", issuedOn);
        }
        if (unitCode != null) {
            request.param("unitCode", unitCode);
        }
        return mvc.perform(request.with(httpBasic(director, PASSWORD)));
    }

    private static long created(ResultActions result) throws Exception {
        String body = result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private static byte[] multipartBody(String boundary, int pdfSize) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nSTATUTES\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"grande.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[h.length + pdfSize + t.length];
        System.arraycopy(h, 0, body, 0, h.length);
        System.arraycopy(pdf(), 0, body, h.length, pdf().length);
        System.arraycopy(t, 0, body, h.length + pdfSize, t.length);
        return body;
    }

    private long audits(String entity, long id) {
        return jdbc.sql("select count(*) from audit_event where entity_type = :e and entity_id = :id and scheme_id = :s")
                .param("e", entity).param("id", Long.toString(id)).param("s", scheme).query(Long.class).single();
    }

    private long storedFiles() {
        return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
    }

    private void assertNothingWritten(long filesBefore) {
        assertThat(jdbc.sql("select count(*) from legal_act where scheme_id = :s").param("s", scheme)
                .query(Long.class).single()).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'legal_act' and scheme_id = :s")
                .param("s", scheme).query(Long.class).single()).isZero();
    }
}
