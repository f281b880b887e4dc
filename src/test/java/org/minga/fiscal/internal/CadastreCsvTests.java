package org.minga.fiscal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The cadastre CSV's rows, checked and turned into COPY lines, without a database. */
class CadastreCsvTests {

    static final String NUMBER = "54498" + "0".repeat(24) + "1";

    @Test
    void columnsAreFoundByNameInAnyOrderAndCaseWithoutAccents() throws Exception {
        CadastreCsv csv = new CadastreCsv("54498", 2023, 7);
        List<String> header = new ArrayList<>(CadastreCsv.HEADER);
        java.util.Collections.reverse(header);
        header.set(header.indexOf("numero_predial"), "Número_Predial");
        assertThat(csv.header(String.join(",", header))).isTrue();
        String[] row = {NUMBER, "54498", "U", "A", "2", "120.5", "80", "100000000", "2023", "N", "N", "500000", "A",
                "120.5", "80"};
        List<String> reversed = new ArrayList<>(List.of(row));
        java.util.Collections.reverse(reversed);
        List<String> copied = new ArrayList<>();
        csv.block(String.join(",", reversed) + "\n", 2, line -> copied.add(line.toString()), new AtomicBoolean());
        assertThat(csv.errors()).isEmpty();
        assertThat(copied).containsExactly(
                "7\t2\t" + NUMBER + "\tU\tA\t2\t12050\t8000\t100000000\t2023\tf\tf\t500000\tA\t12050\t8000\n");
    }

    @Test
    void aMissingColumnRefusesTheFileAndABadRowIsNamed() {
        CadastreCsv csv = new CadastreCsv("54498", 2023, 7);
        assertThat(csv.header("numero_predial,municipio")).isFalse();
        assertThat(csv.errors().getFirst().reason()).startsWith("la primera línea debe ser el encabezado");
        String[] bad = {NUMBER, "54498", "X", "A", "2", "1", "1", "1", "2023", "N", "N", "", "", "", ""};
        assertThat(CadastreCsv.problem(bad, "54498", 2023)).startsWith("zona debe ser U");
        bad[2] = "U";
        assertThat(CadastreCsv.problem(bad, "54498", 2023)).isNull();
        bad[12] = "A";
        assertThat(CadastreCsv.problem(bad, "54498", 2023)).startsWith("un predio sin impuesto_anterior");
    }
}
