package org.minga.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.support.ApiFixtures;
import org.minga.support.IntegrationTest;
import org.minga.support.TerritoryFixtures;
import org.minga.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Safety of reporters: a photo's EXIF GPS block never reaches storage, the public map shows a
 * published issue about 500 m off unless the team chose the exact place, and a reserved report
 * is never public.
 */
@IntegrationTest
class ReporterSafetyTests {

    static final String PASSWORD = "una-clave-larga-1";
    // A point inside Ocaña (54498), away from a 0.005° grid line.
    static final double LAT = 8.2371;
    static final double LON = -73.3562;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    long scheme;
    String director;
    String citizen;

    @BeforeEach
    void setUp() throws Exception {
        TerritoryFixtures.importAll(mvc, jdbc);
        ApiFixtures fixtures = new ApiFixtures(mvc);
        scheme = fixtures.scheme(TestData.unique("Provincia segura"));
        fixtures.members(scheme, "54498", "54003");
        director = TestData.unique("directora");
        fixtures.user(director, PASSWORD, "SCHEME_ADMIN", scheme, null);
        citizen = TestData.unique("ciudadana");
        mvc.perform(post("/public/participation/register").with(csrf()).param("username", citizen)
                .param("fullName", "Ana Ciudadana").param("email", citizen + "@correo.co").param("password", PASSWORD)
                .param("unitCode", "54498")).andExpect(redirectedUrl("/login?registered"));
    }

    /** A real JPEG with an APP1 Exif segment spliced after SOI: IFD0 points to a GPS IFD (N 8.2371, W 73.3562). */
    static byte[] jpegWithGps() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        byte[] jpeg = plain.toByteArray();
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        // IFD0: one entry, GPSInfo (0x8825, LONG) -> offset 26.
        tiff.writeBytes(new byte[] {0, 1, (byte) 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0});
        // GPS IFD at 26: LatitudeRef 'N', Latitude (3 RATIONAL at 80), LongitudeRef 'W', Longitude (at 104).
        tiff.writeBytes(new byte[] {0, 4,
                0, 1, 0, 2, 0, 0, 0, 2, 'N', 0, 0, 0,
                0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 80,
                0, 3, 0, 2, 0, 0, 0, 2, 'W', 0, 0, 0,
                0, 4, 0, 5, 0, 0, 0, 3, 0, 0, 0, 104,
                0, 0, 0, 0});
        for (int[] r : new int[][] {{8, 1}, {14, 1}, {1356, 100}, {73, 1}, {21, 1}, {2232, 100}}) {
            tiff.writeBytes(java.nio.ByteBuffer.allocate(8).putInt(r[0]).putInt(r[1]).array());
        }
        byte[] exif = ("Exif\0\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = tiff.toByteArray();
        int length = 2 + exif.length + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(exif);
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    long report(String title, boolean reserved, byte[] photo) throws Exception {
        return report(title, reserved, photo, LAT);
    }

    long report(String title, boolean reserved, byte[] photo, double lat) throws Exception {
        var request = multipart("/participation/report");
        if (photo != null) {
            request.file(new MockMultipartFile("photos", "casa.jpg", "image/jpeg", photo));
        }
        mvc.perform(request.with(user(citizen)).with(csrf()).param("schemeId", String.valueOf(scheme))
                .param("theme", "WATER").param("title", title).param("description", "El río se desborda")
                .param("lat", String.valueOf(lat)).param("lon", String.valueOf(LON)).param("consent", "on")
                .param("reserved", reserved ? "on" : "")).andExpect(redirectedUrl("/participation/my-reports"));
        return jdbc.sql("select id from territorial_issue where title = :t").param("t", title).query(Long.class).single();
    }

    @Test
    void aPhotosExifGpsBlockIsRemovedBeforeItIsStored() throws Exception {
        byte[] original = jpegWithGps();
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(contains(original, exif)).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(original))).isNotNull();
        long id = report(TestData.unique("Río con foto"), false, original);
        byte[] stored = jdbc.sql("""
                select f.content from stored_file f join territorial_issue_photo p on p.file_id = f.id
                where p.issue_id = :i""").param("i", id).query(byte[].class).single();
        assertThat(contains(stored, exif)).as("Exif header").isFalse();
        assertThat(contains(stored, new byte[] {(byte) 0xFF, (byte) 0xE1})).as("APP1 segment").isFalse();
        assertThat(contains(stored, new byte[] {0, 1, 0, 2, 0, 0, 0, 2, 'N'})).as("GPS latitude reference").isFalse();
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(read.getWidth()).isEqualTo(40);
        assertThat(read.getHeight()).isEqualTo(30);
        assertThat(jdbc.sql("select size_bytes from territorial_issue_photo where issue_id = :i").param("i", id)
                .query(Long.class).single()).isEqualTo(stored.length);
    }

    @Test
    void aPublishedIssueIsShownAbout500mOffUnlessTheTeamChoseTheExactPlace() throws Exception {
        long coarse = report(TestData.unique("Río aproximado"), false, null);
        mvc.perform(post("/participation/schemes/" + scheme + "/issues/" + coarse + "/publish")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        Map<String, Object> marker = marker(coarse);
        double lat = ((Number) marker.get("lat")).doubleValue();
        double lon = ((Number) marker.get("lon")).doubleValue();
        assertThat(lat).isCloseTo((Math.floor(LAT / 0.005) + 0.5) * 0.005, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lon).isCloseTo((Math.floor(LON / 0.005) + 0.5) * 0.005, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lat).isNotEqualTo(LAT);
        assertThat(Math.abs(lat - LAT)).isLessThanOrEqualTo(0.0025);
        // The team still sees the reported place.
        assertThat(jdbc.sql("select lat from territorial_issue where id = :i").param("i", coarse).query(Double.class)
                .single()).isEqualTo(LAT);

        // Elsewhere (0.1° north), or the map would show both as one cluster.
        long exact = report(TestData.unique("Derrumbe exacto"), false, null, LAT + 0.1);
        mvc.perform(post("/participation/schemes/" + scheme + "/issues/" + exact + "/publish").param("exact", "true")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        Map<String, Object> precise = marker(exact);
        assertThat(((Number) precise.get("lat")).doubleValue()).isEqualTo(LAT + 0.1);
        assertThat(((Number) precise.get("lon")).doubleValue()).isEqualTo(LON);
    }

    @Test
    void aReservedReportIsNeverPublicButTheTeamSeesIt() throws Exception {
        String title = TestData.unique("Amenaza reservada");
        long id = report(title, true, null);
        mvc.perform(post("/participation/schemes/" + scheme + "/issues/" + id + "/publish")
                .with(user(director).roles("SCHEME_ADMIN")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/participation/schemes/" + scheme + "/issues").with(httpBasic(director, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"theme\":\"WATER\",\"title\":\"" + title + " API\","
                        + "\"description\":\"d\",\"lat\":" + LAT + ",\"lon\":" + LON + ",\"reserved\":true}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select count(*) from territorial_issue where scheme_id = :s and reserved "
                + "and moderation = 'SUBMITTED'").param("s", scheme).query(Long.class).single()).isEqualTo(2);
        assertThat(markers()).isEmpty();
        mvc.perform(get("/public/participation/issues/" + id)).andExpect(status().isNotFound());
        String page = mvc.perform(get("/public/participation/issues").param("scheme", String.valueOf(scheme)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(title);
        String team = mvc.perform(get("/participation/schemes/" + scheme).with(user(director).roles("SCHEME_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(team).contains(title, "Reporte reservado por quien lo envió");
        // The database refuses it too, whatever the code path.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "update territorial_issue set moderation = 'PUBLISHED', moderated_at = now() where id = :i")
                .param("i", id).update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    List<Map<String, Object>> markers() throws Exception {
        String body = mvc.perform(get("/public/participation/issues/markers").param("west", "-74").param("south", "8")
                .param("east", "-73").param("north", "9").param("scheme", String.valueOf(scheme)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$");
    }

    Map<String, Object> marker(long id) throws Exception {
        return markers().stream().filter(m -> m.get("id") != null && ((Number) m.get("id")).longValue() == id)
                .findFirst().orElseThrow();
    }
}
