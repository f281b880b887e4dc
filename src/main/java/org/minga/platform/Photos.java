package org.minga.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photos as they are kept: decoded and encoded again from their pixels, so nothing but the image
 * survives: no EXIF (the GPS position of a reporter's phone, the camera, the time), no XMP, no
 * comments, nothing appended after the image. JPEG stays JPEG (quality 0.9), PNG stays PNG.
 */
public final class Photos {

    /** About 40 megapixels: more than any phone's photo, less than a decompression bomb. */
    static final long MAX_PIXELS = 40_000_000L;

    private Photos() {
    }

    public record Clean(String contentType, byte[] content) {
    }

    /** The photo without metadata, or empty when it is not a JPEG or PNG this JDK can decode. */
    public static Optional<Clean> withoutMetadata(byte[] content) {
        String type = FileTypes.imageType(content);
        if (type == null) {
            return Optional.empty();
        }
        try {
            BufferedImage image = decode(content);
            if (image == null) {
                return Optional.empty();
            }
            return Optional.of(new Clean(type, "image/png".equals(type) ? png(image) : jpeg(image)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Decodes after checking the size the header announces, so a tiny file cannot claim gigabytes. */
    private static BufferedImage decode(byte[] content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    return null;
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer");
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getColorModel().hasAlpha() || image.getType() == BufferedImage.TYPE_CUSTOM) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
