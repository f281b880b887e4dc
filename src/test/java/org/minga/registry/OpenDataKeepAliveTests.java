package org.minga.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.minga.support.IntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * F8: the open data's GeoJSON used to close the servlet's stream, so every request logged a stack
 * trace and the server dropped the kept-alive connection. Several requests on one socket must now
 * all be answered in full, with nothing in the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OpenDataKeepAliveTests {

    @LocalServerPort
    int port;

    @Test
    void geoJsonAndCsvAnswerOneAfterAnotherOnOneKeptAliveConnection(CapturedOutput log) throws IOException {
        String[] paths = {"/api/v1/registry/open-data/schemes.geojson", "/api/v1/registry/open-data/memberships.geojson",
            "/api/v1/registry/open-data/schemes.csv", "/api/v1/registry/open-data/schemes.geojson"};
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (String path : paths) {
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Response response = Response.read(in);
                assertThat(response.status).as(path).isEqualTo(200);
                assertThat(response.headers.get("connection")).as(path).isNotEqualTo("close");
                assertThat(response.body).as(path).isNotBlank();
                if (path.endsWith(".geojson")) {
                    assertThat(response.body).as(path).startsWith("{").endsWith("}").contains("FeatureCollection");
                }
            }
        }
        assertThat(log.getAll()).doesNotContain("Stream closed").doesNotContain("Unexpected error on /api/v1/registry/open-data");
    }

    /** Just enough HTTP/1.1 to read one response (fixed length or chunked) and leave the socket usable. */
    record Response(int status, Map<String, String> headers, String body) {

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            assertThat(statusLine).as("the server answered instead of closing the connection").isNotNull();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                line(in); // the empty line after the last chunk
            } else if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            }
            return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.US_ASCII);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
        }
    }
}
