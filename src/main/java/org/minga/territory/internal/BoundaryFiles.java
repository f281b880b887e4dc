package org.minga.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.minga.territory.Level;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * Reads the boundary files Minga knows (the attributes of DANE's MGN and of the 2024 Salvadoran
 * districts compilation) into unit versions, from GeoJSON or GeoPackage alike:
 * each format only yields {@link Feature}s in WGS84, and the rules of each source are written here
 * once. The whole file is read and checked before anything is written; an invalid geometry is
 * repaired and named in {@code repaired}, never dropped.
 */
@Component
record BoundaryFiles(ObjectMapper json) {

    /** Decreto 762: Salvadoran municipalities became districts of 44 new municipalities. */
    static final LocalDate SV_REFORM = LocalDate.of(2024, 5, 1);

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    record Parsed(List<UnitRecord> units, List<String> repaired) {
    }

    Parsed colombianDepartments(byte[] file) {
        return colombian(file, Level.DEPARTMENT, "DPTO_CCDGO", 2, "DPTO_CNMBR", "CO_DANE_MGN_DEPARTAMENTOS");
    }

    Parsed colombianMunicipalities(byte[] file) {
        return colombian(file, Level.MUNICIPALITY, "MPIO_CCNCT", 5, "MPIO_CNMBR", "CO_DANE_MGN_MUNICIPIOS");
    }

    /** A DANE layer, one unit a feature; a municipality's department is the first two digits of its code. */
    private Parsed colombian(byte[] file, Level level, String codeAttribute, int digits, String nameAttribute,
            String source) {
        List<String> repaired = new ArrayList<>();
        List<UnitRecord> units = new ArrayList<>();
        forEachFeature(file, codeAttribute, feature -> {
            String code = required(feature, codeAttribute);
            requireDigits(code, digits, codeAttribute);
            String original = required(feature, nameAttribute);
            units.add(new UnitRecord("CO", level, code, UnitNames.titleCase(original), original,
                    level == Level.MUNICIPALITY ? code.substring(0, 2) : null, UnitRecord.SINCE_RECORDS, null,
                    valid(feature.geometry(), code, repaired), source, false));
        });
        return new Parsed(units, repaired);
    }

    /**
     * Each district gives two versions (a MUNICIPALITY until 2024-04-30, then a DISTRICT of its new
     * municipality, same code); departments and the 44 new municipalities are the union of their
     * districts.
     */
    Parsed salvadoranDistricts(byte[] file) {
        List<String> repaired = new ArrayList<>();
        List<UnitRecord> units = new ArrayList<>();
        Map<String, List<Geometry>> byDepartment = new LinkedHashMap<>();
        Map<String, String> departmentNames = new LinkedHashMap<>();
        Map<String, List<Geometry>> byMunicipality = new LinkedHashMap<>();
        Map<String, String[]> municipalities = new LinkedHashMap<>();
        LocalDate lastDayBefore = SV_REFORM.minusDays(1);
        forEachFeature(file, "id_distrito", feature -> {
            String code = "D" + pad(requiredInt(feature, "id_distrito"), 3);
            String municipality = "M" + pad(requiredInt(feature, "id_municipio"), 2);
            String department = pad(requiredInt(feature, "id_departamento"), 2);
            String original = required(feature, "nombre_distrito");
            String name = UnitNames.withoutDepartmentSuffix(original);
            MultiPolygon boundary = valid(feature.geometry(), code, repaired);
            units.add(new UnitRecord("SV", Level.MUNICIPALITY, code, name, original, department,
                    UnitRecord.SINCE_RECORDS, lastDayBefore, boundary, "SV_DISTRITOS_2024", false));
            units.add(new UnitRecord("SV", Level.DISTRICT, code, name, original, municipality, SV_REFORM, null,
                    boundary, "SV_DISTRITOS_2024", true));
            byDepartment.computeIfAbsent(department, k -> new ArrayList<>()).add(boundary);
            departmentNames.putIfAbsent(department, required(feature, "nombre_departamento"));
            byMunicipality.computeIfAbsent(municipality, k -> new ArrayList<>()).add(boundary);
            municipalities.putIfAbsent(municipality,
                    new String[] {required(feature, "nombre_municipio"), department});
        });
        byDepartment.forEach((code, parts) -> units.add(new UnitRecord("SV", Level.DEPARTMENT, code,
                departmentNames.get(code), departmentNames.get(code), null, UnitRecord.SINCE_RECORDS, null,
                union(parts), "SV_DISTRITOS_2024", false)));
        byMunicipality.forEach((code, parts) -> units.add(new UnitRecord("SV", Level.MUNICIPALITY, code,
                municipalities.get(code)[0], municipalities.get(code)[0], municipalities.get(code)[1], SV_REFORM, null,
                union(parts), "SV_DISTRITOS_2024", false)));
        return new Parsed(units, repaired);
    }

    /** The file's features, whatever its format: told apart by content, not by name. */
    private List<Feature> features(byte[] file, String codeAttribute) {
        if (startsWith(file, GeoPackageFeatures.MAGIC)) {
            return GeoPackageFeatures.read(file, codeAttribute);
        }
        if (startsWith(file, ZIP_MAGIC)) {
            // No sound Shapefile reader could be had from Maven Central; GDAL or QGIS convert in one step.
            throw new ImportException("El archivo es un zip (¿un Shapefile comprimido?). Minga lee GeoPackage y"
                    + " GeoJSON: convierta el Shapefile con «ogr2ogr -f GPKG salida.gpkg entrada.shp» o, en QGIS,"
                    + " con Exportar → Guardar objetos como… → GeoPackage, y suba el .gpkg.");
        }
        return GeoJsonFeatures.read(json, file);
    }

    private void forEachFeature(byte[] file, String codeAttribute, FeatureVisitor visitor) {
        for (Feature feature : features(file, codeAttribute)) {
            try {
                visitor.visit(feature);
            } catch (IllegalArgumentException e) {
                throw new ImportException("Entidad " + feature.index() + ": " + e.getMessage() + ".", e);
            }
        }
    }

    @FunctionalInterface
    private interface FeatureVisitor {
        void visit(Feature feature);
    }

    private static boolean startsWith(byte[] file, byte[] prefix) {
        return file.length >= prefix.length && java.util.Arrays.equals(file, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static MultiPolygon valid(Geometry geometry, String code, List<String> repaired) {
        MultiPolygon read = polygons(geometry);
        if (read.isEmpty()) {
            throw new IllegalArgumentException("la unidad " + code + " no tiene geometría");
        }
        if (IsValidOp.isValid(read)) {
            return read;
        }
        Geometry fixed = GeometryFixer.fix(read);
        MultiPolygon polygons = GeoJsonGeometry.asMultiPolygon(fixed);
        if (polygons.isEmpty()) {
            throw new IllegalArgumentException("la geometría de " + code + " no es válida y no se pudo reparar");
        }
        repaired.add(code);
        return polygons;
    }

    private static MultiPolygon polygons(Geometry geometry) {
        return switch (geometry) {
            case MultiPolygon mp -> mp;
            case Polygon p -> GeoJsonGeometry.FACTORY.createMultiPolygon(new Polygon[] {p});
            default -> throw new IllegalArgumentException("tipo de geometría no admitido: " + geometry.getGeometryType()
                    + " (los límites son polígonos)");
        };
    }

    private static MultiPolygon union(List<Geometry> parts) {
        return GeoJsonGeometry.asMultiPolygon(UnaryUnionOp.union(parts));
    }

    private static String required(Feature feature, String name) {
        Object value = feature.attribute(name);
        String text = value instanceof Number n ? plain(n) : value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("falta el atributo " + name + " (¿es el archivo de la fuente elegida?)");
        }
        return text;
    }

    private static int requiredInt(Feature feature, String name) {
        Object value = feature.attribute(name);
        String text = value instanceof Number n ? plain(n) : value == null ? "" : value.toString().strip();
        if (!text.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("falta el atributo numérico " + name
                    + " (¿es el archivo de la fuente elegida?)");
        }
        return Integer.parseInt(text);
    }

    /** 97, 97.0 and 97.00 (a DBF numeric or a GeoPackage REAL) all read as "97". */
    private static String plain(Number n) {
        return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    private static void requireDigits(String code, int digits, String name) {
        if (!code.matches("\\d{" + digits + "}")) {
            throw new IllegalArgumentException(name + " debe tener " + digits + " dígitos y tiene «" + code + "»");
        }
    }

    private static String pad(int value, int width) {
        return String.format("%0" + width + "d", value);
    }
}
