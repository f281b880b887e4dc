package org.minga.territory.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.Geometry;

import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFReader;

/**
 * A zipped ESRI Shapefile: .shp and .shx (geometries, read by H2GIS's GeoTools-derived reader, which
 * needs files: they go to a temporary folder deleted afterwards), .dbf (attributes, JavaDBF; its
 * code page from the .cpg file or else the DBF's language driver) and .prj (the projection, required).
 * Of several Shapefiles in the zip, the one whose .dbf has the source's code attribute is read.
 */
final class ShapefileFeatures {

    private ShapefileFeatures() {
    }

    static boolean isZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    static List<Feature> read(byte[] zip, String codeAttribute) {
        Map<String, Map<String, byte[]>> layers = unzip(zip);
        List<String> withShp = layers.entrySet().stream().filter(e -> e.getValue().containsKey("shp"))
                .map(Map.Entry::getKey).toList();
        if (withShp.isEmpty()) {
            throw new ImportException("El zip no contiene ningún Shapefile (.shp); contiene: "
                    + (layers.isEmpty() ? "nada" : String.join(", ", layers.keySet())) + ".");
        }
        String layer = withShp.stream().filter(name -> hasField(layers.get(name), codeAttribute)).findFirst()
                .orElse(withShp.getFirst());
        Map<String, byte[]> parts = layers.get(layer);
        String what = "El Shapefile «" + layer + ".shp»";
        for (String required : List.of("shx", "dbf")) {
            if (!parts.containsKey(required)) {
                throw new ImportException("Al zip le falta el archivo «" + layer + "." + required + "» del Shapefile «"
                        + layer + ".shp».");
            }
        }
        if (!parts.containsKey("prj")) {
            throw new ImportException("Al zip le falta el archivo «" + layer + ".prj»: sin la proyección del"
                    + " Shapefile no se sabe dónde están sus coordenadas.");
        }
        Reprojection reprojection = Reprojection.fromWkt(new String(parts.get("prj"), StandardCharsets.UTF_8), what);
        List<Map<String, Object>> records = records(parts, layer);
        List<Geometry> geometries = geometries(parts, what);
        if (records.size() != geometries.size()) {
            throw new ImportException(what + " tiene " + geometries.size() + " geometrías pero su .dbf tiene "
                    + records.size() + " registros.");
        }
        if (records.isEmpty()) {
            throw new ImportException(what + " no tiene ninguna entidad.");
        }
        List<Feature> features = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                if (geometries.get(i) == null) {
                    throw new IllegalArgumentException("la entidad no tiene geometría");
                }
                features.add(new Feature(i + 1, records.get(i), reprojection.toWgs84(geometries.get(i))));
            } catch (IllegalArgumentException e) {
                throw new ImportException("Entidad " + (i + 1) + ": " + e.getMessage() + ".", e);
            }
        }
        return features;
    }

    /** Files by base name and lower-case extension, skipping folders and macOS's resource forks. */
    private static Map<String, Map<String, byte[]>> unzip(byte[] zip) {
        Map<String, Map<String, byte[]>> layers = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                String path = entry.getName().replace('\\', '/');
                String name = path.substring(path.lastIndexOf('/') + 1);
                int dot = name.lastIndexOf('.');
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || name.startsWith(".") || dot <= 0) {
                    continue;
                }
                layers.computeIfAbsent(name.substring(0, dot), k -> new TreeMap<>())
                        .put(name.substring(dot + 1).toLowerCase(Locale.ROOT), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new ImportException("El zip está dañado o incompleto: " + e.getMessage(), e);
        }
        return layers;
    }

    private static boolean hasField(Map<String, byte[]> parts, String name) {
        if (!parts.containsKey("dbf")) {
            return false;
        }
        try (DBFReader dbf = new DBFReader(new ByteArrayInputStream(parts.get("dbf")), charset(parts))) {
            for (int i = 0; i < dbf.getFieldCount(); i++) {
                if (Feature.isNamed(dbf.getField(i).getName(), name)) {
                    return true;
                }
            }
            return false;
        } catch (DBFException | ImportException e) {
            return false;
        }
    }

    private static List<Map<String, Object>> records(Map<String, byte[]> parts, String layer) {
        List<Map<String, Object>> records = new ArrayList<>();
        try (DBFReader dbf = new DBFReader(new ByteArrayInputStream(parts.get("dbf")), charset(parts))) {
            String[] names = new String[dbf.getFieldCount()];
            for (int i = 0; i < names.length; i++) {
                names[i] = dbf.getField(i).getName();
            }
            for (Object[] row; (row = dbf.nextRecord()) != null;) {
                Map<String, Object> record = new LinkedHashMap<>();
                for (int i = 0; i < names.length; i++) {
                    if (row[i] != null) {
                        record.put(names[i], row[i] instanceof BigDecimal d ? d.stripTrailingZeros() : row[i]);
                    }
                }
                records.add(record);
            }
        } catch (DBFException e) {
            throw new ImportException("El archivo «" + layer + ".dbf» está dañado: " + e.getMessage(), e);
        }
        return records;
    }

    /** The .cpg file names the DBF's code page (e.g. "UTF-8", "1252"); without it JavaDBF reads the header's. */
    private static Charset charset(Map<String, byte[]> parts) {
        if (!parts.containsKey("cpg")) {
            return null;
        }
        String name = new String(parts.get("cpg"), StandardCharsets.US_ASCII).strip();
        String normalised = name.toUpperCase(Locale.ROOT).replace("ANSI ", "");
        if (normalised.matches("\\d+")) {
            normalised = switch (normalised) {
                case "65001" -> "UTF-8";
                case "88591" -> "ISO-8859-1";
                default -> normalised.startsWith("125") ? "windows-" + normalised : "Cp" + normalised;
            };
        }
        try {
            return Charset.forName(normalised);
        } catch (RuntimeException e) {
            throw new ImportException("El archivo .cpg nombra una codificación desconocida: «" + name + "».", e);
        }
    }

    private static List<Geometry> geometries(Map<String, byte[]> parts, String what) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("minga-import-");
            Path shp = Files.write(folder.resolve("layer.shp"), parts.get("shp"));
            Path shx = Files.write(folder.resolve("layer.shx"), parts.get("shx"));
            try (FileChannel shpChannel = FileChannel.open(shp, StandardOpenOption.READ);
                    FileChannel shxChannel = FileChannel.open(shx, StandardOpenOption.READ)) {
                ShapefileReader reader = new ShapefileReader(shpChannel);
                IndexFile index = new IndexFile(shxChannel);
                List<Geometry> geometries = new ArrayList<>(index.getRecordCount());
                for (int i = 0; i < index.getRecordCount(); i++) {
                    geometries.add(reader.geomAt(index.getOffset(i)));
                }
                return geometries;
            } catch (IOException | RuntimeException e) {
                throw new ImportException(what + " está dañado o no es de polígonos: " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            folder.toFile().deleteOnExit();
        }
    }
}
