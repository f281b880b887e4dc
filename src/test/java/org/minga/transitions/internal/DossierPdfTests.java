package org.minga.transitions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.minga.platform.CountryFormat;
import org.minga.transitions.Dossier;

/** Figures the country's way, never wrapped; one version renders to the same bytes whenever it is rendered. */
class DossierPdfTests {

    @Test
    void figuresAreWrittenTheCountrysWay() {
        assertThat(CountryFormat.of("CO").money(new BigDecimal("11700"), "COP")).isEqualTo("COP 11.700");
        assertThat(CountryFormat.of("SV").money(new BigDecimal("11700"), "USD")).isEqualTo("USD 11,700.00");
        assertThat(CountryFormat.of("CO").number(new BigDecimal("16000.5"))).isEqualTo("16.000,5");
        assertThat(CountryFormat.of("SV").number(new BigDecimal("1290080"))).isEqualTo("1,290,080");
        assertThat(CountryFormat.of("CO").percent(new BigDecimal("45.50"))).isEqualTo("45,5 %");
    }

    @Test
    void theSameDossierRendersToTheSameBytesWithFixedDatesAndAnIdentifierFromItsVersion() throws Exception {
        Dossier d = dossier();
        String hash = d.hash();
        byte[] first = DossierPdf.render(d, hash);
        Thread.sleep(1100);
        byte[] second = DossierPdf.render(d, hash);
        assertThat(second).isEqualTo(first);
        String raw = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/CreationDate(D:19700101000000Z)").contains("/ID [<" + hash.substring(0, 32) + ">");
        try (var pdf = Loader.loadPDF(first)) {
            assertThat(pdf.getDocumentInformation().getCreationDate().getTimeInMillis()).isZero();
        }
    }

    @Test
    void aFigureIsNeverSplitOverTwoLines() throws Exception {
        Dossier d = dossier();
        try (var pdf = Loader.loadPDF(DossierPdf.render(d, d.hash()))) {
            String text = new PDFTextStripper().getText(pdf);
            // Each figure whole on one line, even in a table of eight columns with long names beside it.
            assertThat(text).contains("COP 1.500.000.000,00", "COP 987.654.321,55", "12,5 %");
        }
    }

    private static Dossier dossier() {
        return new Dossier(Dossier.Kind.HANDOVER, "Expediente de empalme — Prueba", List.of("Municipio: Ocaña (54498)"),
                List.of(new Dossier.Section("Proyectos heredados y su estado",
                        List.of("Código", "Proyecto", "Etapa", "Desde", "Costo", "Financiación comprometida", "Avance físico",
                                "Beneficiarios"),
                        List.of(List.of("ELEC-1", "Electrificación rural de las veredas altas del Catatumbo y su conexión a la red",
                                "Perfil", "2026-01-01", "COP 1.500.000.000,00", "COP 987.654.321,55", "12,5 %",
                                "Ocaña, Ábrego, Convención, El Carmen, Hacarí, La Playa de Belén")),
                        "Sin proyectos.")));
    }
}
