package org.minga.platform;

import java.util.Arrays;

/**
 * What an uploaded file is, by its first bytes rather than by its name or the browser's guess:
 * photos are JPEG or PNG, signed documents PDF.
 */
public final class FileTypes {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private FileTypes() {
    }

    /** A stored file as it is served back. */
    public record Content(String contentType, byte[] content) {
    }

    /** {@code image/png}, {@code image/jpeg}, or null for anything else. */
    public static String imageType(byte[] content) {
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        return null;
    }

    public static boolean isPdf(byte[] content) {
        return startsWith(content, PDF);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content != null && content.length >= magic.length
                && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}
