package org.minga.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.minga.platform.InvalidInputException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded act document before anything is stored: present, within the size limit, and
 * a PDF by its content. The declared content type is the browser's guess (or the client's claim), so
 * only the file's first bytes decide.
 */
@Component
public record PdfDocuments(RegistryProperties properties) {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** An uploaded file: its name as sent, its size, and its content, read only once it passed the checks. */
    public record Upload(String filename, long size, InputStreamSource content) {
    }

    public long maxBytes() {
        return properties.maxDocumentSize().toBytes();
    }

    /** The checked bytes of the PDF; throws {@link InvalidInputException} on field {@code document}. */
    byte[] read(Upload upload) {
        if (upload == null || upload.content() == null || upload.size() == 0) {
            throw new InvalidInputException("document", "Required", "act.document.required");
        }
        if (upload.size() > maxBytes()) {
            throw new InvalidInputException("document", "Size", "act.document.size", megabytes(maxBytes()));
        }
        try (InputStream in = upload.content().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes() + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes()) {
                throw new InvalidInputException("document", "Size", "act.document.size", megabytes(maxBytes()));
            }
            if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new InvalidInputException("document", "Type", "act.document.type");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name kept for the download: no directories a browser sent along, never empty. */
    static String filename(String sent) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return "acto.pdf";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024L * 1024L), 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
