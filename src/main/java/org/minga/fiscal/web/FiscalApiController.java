package org.minga.fiscal.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.fiscal.Arrears;
import org.minga.fiscal.Cadastres;
import org.minga.fiscal.Liquidations;
import org.minga.fiscal.TaxRates;
import org.minga.fiscal.internal.LawData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Audience(Reader.MEMBER_OFFICIAL)
@RestController
@Tag(name = "Impuesto predial", description = "Catastro, tarifas, liquidación con los límites legales, simulaciones y cartera")
record FiscalApiController(Cadastres cadastres, TaxRates rates, Liquidations liquidations, Arrears arrears) {

    private static final String MY = "/api/v1/fiscal/schemes/{id}/municipalities/{code}/years/{year}";

    record EconomicBody(BigDecimal cpiPercent, BigDecimal minimumWage) {
    }

    record LiquidationJson(Liquidations.Liquidation liquidation, List<Liquidations.Total> totals) {
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/api/v1/fiscal/economic-years")
    @Operation(summary = "IPC (variación anual, %) y salario mínimo mensual por año")
    List<LawData.EconomicYear> economicYears() {
        return rates.economicYears();
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PutMapping("/api/v1/fiscal/economic-years/{year}")
    @Operation(summary = "Fija el IPC y el salario mínimo de un año, los dos obligatorios (administradores de la plataforma)")
    LawData.EconomicYear setEconomicYear(@PathVariable Integer year, @RequestBody EconomicBody body) {
        return rates.replaceEconomicYear(year, body.cpiPercent(), body.minimumWage());
    }

    @Audience(Reader.PLATFORM_ADMIN)
    @PatchMapping("/api/v1/fiscal/economic-years/{year}")
    @Operation(summary = "Cambia el IPC o el salario mínimo de un año; el valor que no se envía se conserva")
    LawData.EconomicYear updateEconomicYear(@PathVariable Integer year, @RequestBody EconomicBody body) {
        return rates.updateEconomicYear(year, body.cpiPercent(), body.minimumWage());
    }

    @Audience(Reader.SCHEME)
    @GetMapping("/api/v1/fiscal/schemes/{id}/cadastres")
    @Operation(summary = "Los catastros cargados por el esquema, por municipio y año (paginado)")
    List<Cadastres.Cadastre> cadastres(@PathVariable long id, @RequestParam(required = false) String municipality,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return cadastres.list(id, municipality, Math.max(0, page), Math.clamp(size, 1, 200));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(value = MY + "/cadastre", consumes = "text/csv")
    @Operation(summary = "Carga el catastro del municipio y año: el CSV como cuerpo (text/csv), leído en flujo por un trabajo; "
            + "todo o nada. Devuelve cadastreId y jobId")
    Cadastres.Submitted uploadCsv(@PathVariable long id, @PathVariable String code,
            @PathVariable Integer year, @RequestParam(required = false) String fileName, HttpServletRequest request)
            throws IOException {
        return cadastres.upload(id, code, year, fileName, request.getInputStream());
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(value = MY + "/cadastre", consumes = "multipart/form-data")
    @Operation(summary = "Carga el catastro como archivo (campo file) de un formulario multipart")
    Cadastres.Submitted uploadFile(@PathVariable long id, @PathVariable String code,
            @PathVariable Integer year, @RequestParam(required = false) MultipartFile file) throws IOException {
        return cadastres.upload(id, code, year, file == null ? null : file.getOriginalFilename(), content(file));
    }

    @GetMapping(MY + "/rates")
    @Operation(summary = "Las tarifas (por mil) del municipio y año")
    List<TaxRates.Band> rates(@PathVariable long id, @PathVariable String code, @PathVariable int year) {
        return rates.bands(id, code, year);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(MY + "/rates")
    @Operation(summary = "Agrega una tarifa por zona (U/R), destino (A-T), estrato y rango de avalúo, dentro de los límites nacionales")
    ResponseEntity<TaxRates.Band> addRate(@PathVariable long id, @PathVariable String code, @PathVariable Integer year,
            @RequestBody TaxRates.BandInput body) {
        var band = rates.addBand(id, code, year, body);
        return ResponseEntity.created(URI.create("/api/v1/fiscal/schemes/" + id + "/municipalities/" + code + "/years/"
                + year + "/rates/" + band.id())).body(band);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping(MY + "/rates/{bandId}")
    void deleteRate(@PathVariable long id, @PathVariable long bandId) {
        rates.deleteBand(id, bandId);
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(MY + "/liquidations")
    @Operation(summary = "Liquida el impuesto predial del año sobre el catastro activo (un trabajo)")
    Liquidations.Submitted liquidate(@PathVariable long id, @PathVariable String code, @PathVariable Integer year) {
        return liquidations.liquidate(id, code, year);
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(MY + "/simulations")
    @Operation(summary = "Simula cambios de tarifas o avalúos (porcentajes; 140 = +40 %) sin tocar la liquidación oficial")
    Liquidations.Submitted simulate(@PathVariable long id, @PathVariable String code,
            @PathVariable Integer year, @RequestBody Liquidations.ScenarioInput body) {
        return liquidations.simulate(id, code, year, body);
    }

    @GetMapping(MY + "/liquidations")
    List<Liquidations.Liquidation> liquidations(@PathVariable long id, @PathVariable String code,
            @PathVariable int year, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return liquidations.list(id, code, year, Math.max(0, page), Math.clamp(size, 1, 200));
    }

    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/api/v1/fiscal/liquidations/{id}")
    @Operation(summary = "Una liquidación o simulación con sus totales por destino, estrato, zona, límite y aumento")
    LiquidationJson liquidation(@PathVariable long id) {
        return new LiquidationJson(liquidations.readable(id), liquidations.readableTotals(id));
    }

    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/api/v1/fiscal/liquidations/{id}/parcels")
    @Operation(summary = "Resultados por predio en el orden del catastro; after = última línea vista")
    List<Liquidations.ParcelResult> parcels(@PathVariable long id, @RequestParam(required = false) Integer after,
            @RequestParam(defaultValue = "false") boolean limited, @RequestParam(defaultValue = "50") int size) {
        liquidations.requireParcelLevel(id);
        return liquidations.parcels(id, after, limited, Math.clamp(size, 1, 500));
    }

    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/api/v1/fiscal/liquidations/{id}/parcels/{parcelNumber}")
    @Operation(summary = "Explica el impuesto de un predio: base, tarifa, impuesto antes del límite, límite aplicado (regla y artículo) o excepción, e impuesto final")
    Liquidations.Explanation explain(@PathVariable long id, @PathVariable String parcelNumber) {
        liquidations.requireParcelLevel(id);
        return liquidations.explain(id, parcelNumber);
    }

    @Audience(value = Reader.MEMBER_OFFICIAL, byRecord = true)
    @GetMapping("/api/v1/fiscal/liquidations/{id}/export")
    @Operation(summary = "Todos los resultados por predio en CSV o XLSX")
    void export(@PathVariable long id, @RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
            throws IOException {
        liquidations.requireParcelLevel(id);
        FiscalExports.liquidation(liquidations, id, format, response);
    }

    @PostMapping(value = "/api/v1/fiscal/schemes/{id}/municipalities/{code}/payments", consumes = "multipart/form-data")
    @Operation(summary = "Importa pagos (CSV numero_predial,vigencia,fecha_pago,valor,referencia); todo o nada")
    Map<String, Object> payments(@PathVariable long id, @PathVariable String code,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        return Map.of("payments", arrears.importPayments(id, code, content(file)));
    }

    @PostMapping(value = MY + "/commercial-values", consumes = "multipart/form-data")
    @Operation(summary = "Importa valores comerciales por m² (CSV zona,destino,valor_m2) del año; todo o nada")
    Map<String, Object> commercialValues(@PathVariable long id, @PathVariable String code, @PathVariable Integer year,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        return Map.of("rows", arrears.importCommercialValues(id, code, year, content(file)));
    }

    @GetMapping(MY + "/arrears")
    @Operation(summary = "Cartera: saldos por antigüedad, mayores deudores y recaudo por mes")
    Arrears.Report arrears(@PathVariable long id, @PathVariable String code, @PathVariable int year) {
        return arrears.report(id, code, year);
    }

    /** An uploaded file's content; null when none was sent (the service names the field). */
    private static java.io.InputStream content(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getInputStream();
    }
}
