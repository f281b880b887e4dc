package org.minga.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.minga.territory.Level;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the boundary files Minga knows (the formats of DANE's MGN and of the 2024 Salvadoran
 * districts compilation) into unit versions. The whole file is read and checked before anything
 * is written; an invalid geometry is repaired and named in {@code repaired}, never dropped.
 */
final class BoundaryFiles {

    /** Decreto 762: Salvadoran municipalities became districts of 44 new municipalities. */
    static final LocalDate SV_REFORM = LocalDate.of(2024, 5, 1);

    private final ObjectMapper json;

    BoundaryFiles(ObjectMapper json) {
        this.json = json;
    }

    record Parsed(List<UnitRecord> units, List<String> repaired) {
    }

    Parsed colombianDepartments(byte[] file) {
        List<String> repaired = new ArrayList<>();
        List<UnitRecord> units = new ArrayList<>();
        forEachFeature(file, (index, properties, geometry) -> {
            String code = required(properties, "DPTO_CCDGO", index);
            requireDigits(code, 2, "DPTO_CCDGO", index);
            String original = required(properties, "DPTO_CNMBR", index);
            units.add(new UnitRecord("CO", Level.DEPARTMENT, code, UnitNames.titleCase(original), original, null,
                    UnitRecord.SINCE_RECORDS, null, valid(geometry, code, repaired), "CO_DANE_MGN_DEPARTAMENTOS",
                    false));
        });
        return new Parsed(units, repaired);
    }

    Parsed colombianMunicipalities(byte[] file) {
        List<String> repaired = new ArrayList<>();
        List<UnitRecord> units = new ArrayList<>();
        forEachFeature(file, (index, properties, geometry) -> {
            String code = required(properties, "MPIO_CCNCT", index);
            requireDigits(code, 5, "MPIO_CCNCT", index);
            String original = required(properties, "MPIO_CNMBR", index);
            units.add(new UnitRecord("CO", Level.MUNICIPALITY, code, UnitNames.titleCase(original), original,
                    code.substring(0, 2), UnitRecord.SINCE_RECORDS, null, valid(geometry, code, repaired),
                    "CO_DANE_MGN_MUNICIPIOS", false));
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
        forEachFeature(file, (index, properties, geometry) -> {
            String code = "D" + pad(requiredInt(properties, "id_distrito", index), 3);
            String municipality = "M" + pad(requiredInt(properties, "id_municipio", index), 2);
            String department = pad(requiredInt(properties, "id_departamento", index), 2);
            String original = required(properties, "nombre_distrito", index);
            String name = UnitNames.withoutDepartmentSuffix(original);
            MultiPolygon boundary = valid(geometry, code, repaired);
            units.add(new UnitRecord("SV", Level.MUNICIPALITY, code, name, original, department,
                    UnitRecord.SINCE_RECORDS, lastDayBefore, boundary, "SV_DISTRITOS_2024", false));
            units.add(new UnitRecord("SV", Level.DISTRICT, code, name, original, municipality, SV_REFORM, null,
                    boundary, "SV_DISTRITOS_2024", true));
            byDepartment.computeIfAbsent(department, k -> new ArrayList<>()).add(boundary);
            departmentNames.putIfAbsent(department, required(properties, "nombre_departamento", index));
            byMunicipality.computeIfAbsent(municipality, k -> new ArrayList<>()).add(boundary);
            municipalities.putIfAbsent(municipality,
                    new String[] {required(properties, "nombre_municipio", index), department});
        });
        byDepartment.forEach((code, parts) -> units.add(new UnitRecord("SV", Level.DEPARTMENT, code,
                departmentNames.get(code), departmentNames.get(code), null, UnitRecord.SINCE_RECORDS, null,
                union(parts), "SV_DISTRITOS_2024", false)));
        byMunicipality.forEach((code, parts) -> units.add(new UnitRecord("SV", Level.MUNICIPALITY, code,
                municipalities.get(code)[0], municipalities.get(code)[0], municipalities.get(code)[1], SV_REFORM, null,
                union(parts), "SV_DISTRITOS_2024", false)));
        return new Parsed(units, repaired);
    }

    @FunctionalInterface
    private interface FeatureVisitor {
        void visit(int index, JsonNode properties, JsonNode geometry);
    }

    private void forEachFeature(byte[] file, FeatureVisitor visitor) {
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (JacksonException e) {
            throw new ImportException("El archivo no es GeoJSON válido (¿está incompleto o dañado?): "
                    + e.getOriginalMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            throw new ImportException("El archivo no es una FeatureCollection de GeoJSON.");
        }
        JsonNode features = root.path("features");
        if (features.isEmpty()) {
            throw new ImportException("El archivo no tiene ninguna entidad (features está vacío).");
        }
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            try {
                visitor.visit(i + 1, feature.path("properties"), feature.path("geometry"));
            } catch (IllegalArgumentException e) {
                throw new ImportException("Entidad " + (i + 1) + ": " + e.getMessage() + ".", e);
            }
        }
    }

    private static MultiPolygon valid(JsonNode geometry, String code, List<String> repaired) {
        MultiPolygon read = GeoJsonGeometry.read(geometry);
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

    private static MultiPolygon union(List<Geometry> parts) {
        return GeoJsonGeometry.asMultiPolygon(UnaryUnionOp.union(parts));
    }

    private static String required(JsonNode properties, String name, int index) {
        JsonNode value = properties.path(name);
        if (value.isMissingNode() || value.isNull() || value.asString("").isBlank()) {
            throw new IllegalArgumentException("falta la propiedad " + name + " (¿es el archivo de la fuente elegida?)");
        }
        return value.asString().strip();
    }

    private static int requiredInt(JsonNode properties, String name, int index) {
        JsonNode value = properties.path(name);
        if (!value.isNumber() && !(value.isString() && value.asString().strip().matches("\\d+"))) {
            throw new IllegalArgumentException("falta la propiedad numérica " + name
                    + " (¿es el archivo de la fuente elegida?)");
        }
        return value.asInt();
    }

    private static void requireDigits(String code, int digits, String name, int index) {
        if (!code.matches("\\d{" + digits + "}")) {
            throw new IllegalArgumentException(name + " debe tener " + digits + " dígitos y tiene «" + code + "»");
        }
    }

    private static String pad(int value, int width) {
        return String.format("%0" + width + "d", value);
    }
}
