package org.minga.projects.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.identity.Scopes;
import org.minga.platform.InvalidInputException;
import org.minga.projects.internal.Financing;
import org.minga.projects.internal.Monitoring;
import org.minga.projects.internal.Needs;
import org.minga.projects.internal.ProjectList;
import org.minga.projects.internal.Sectors;
import org.minga.projects.internal.Projects;
import org.minga.projects.internal.ProjectBeneficiaries;
import org.minga.projects.internal.ProjectImport;
import org.minga.projects.internal.ProjectSteps;
import org.minga.platform.web.Idempotent;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Audience(Reader.SCHEME)
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Banco de proyectos", description = "Necesidades de inversión, proyectos, ciclo de vida, cofinanciación y seguimiento")
record ProjectApiController(Needs needs, ProjectView view, ProjectList list, ProjectImport imports, Scopes scopes,
        Sectors sectors) {

    record NeedBody(String unitCode, String sector, String description, Integer priority, String origin) {
    }

    record ProjectBody(String code, String bpin, String name, String sector, String description, String pillar,
            BigDecimal cost, String currency, Map<String, Object> location, LocalDate plannedStart,
            LocalDate plannedEnd, List<Projects.Beneficiary> beneficiaries, List<Long> needIds) {

        Projects.Draft draft() {
            return new Projects.Draft(code, bpin, name, sector, description, pillar, cost, currency, location,
                    plannedStart, plannedEnd);
        }
    }

    record NeedsBody(List<Long> needIds) {
    }

    record MilestoneBody(String name, LocalDate plannedOn, LocalDate actualOn) {
    }

    record Detail(Projects.Project project, List<String> nextStages, List<Projects.BeneficiaryView> beneficiaries,
            List<Projects.NeedRef> needs, List<Projects.StepView> steps, Financing.Totals totals,
            List<Financing.Line> financing, List<Monitoring.Milestone> milestones, List<Monitoring.Report> reports,
            Monitoring.Delays delays) {
    }

    record FinancingView(List<Financing.Line> lines, Financing.Totals totals) {
    }

    /** The national catalogue whose names or codes a project's {@code sector} (and an import's column) takes. */
    @Audience(Reader.ACCOUNT)
    @GetMapping("/sectors")
    @Operation(summary = "Catálogo de sectores de inversión de un país (CO: sectores MGA/DNP; SV: áreas de gestión del presupuesto)")
    List<Sectors.Sector> sectors(@RequestParam String country) {
        String c = country.strip().toUpperCase(java.util.Locale.ROOT);
        if (!c.equals("CO") && !c.equals("SV")) {
            throw new InvalidInputException("country", "OneOf", "call.country.oneOf");
        }
        return sectors.of(c).sectors();
    }

    @GetMapping("/schemes/{schemeId}/needs")
    @Operation(summary = "Necesidades de inversión del esquema (filtros: status, unit), paginadas")
    Needs.Page needs(@PathVariable long schemeId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return needs.list(schemeId, status, unit, page, size);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/schemes/{schemeId}/needs")
    @Operation(summary = "Registra una necesidad de inversión de una unidad miembro (el funcionario de la unidad o el equipo del esquema)")
    ResponseEntity<Needs.Need> recordNeed(@PathVariable long schemeId, @RequestBody NeedBody body) {
        var n = needs.record(schemeId, body.unitCode(), body.sector(), body.description(), body.priority(), body.origin());
        return ResponseEntity.created(URI.create("/api/v1/projects/needs/" + n.id())).body(n);
    }

    @GetMapping("/schemes/{schemeId}/projects")
    @Operation(summary = "Proyectos del esquema con filtros (stage, sector, unit, q), paginados: una consulta por página")
    ProjectList.Page list(@PathVariable long schemeId, @ParameterObject ProjectList.Filters filters,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return list.page(schemeId, filters, page, size);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/schemes/{schemeId}/projects")
    @Operation(summary = "Registra un proyecto en etapa Idea, con beneficiarios y necesidades que atiende")
    ResponseEntity<Projects.Project> create(@PathVariable long schemeId, @RequestBody ProjectBody body) {
        var p = view.projects().create(schemeId, body.draft(), body.beneficiaries(), body.needIds());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id())).body(p);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/schemes/{schemeId}/projects/from-needs")
    @Operation(summary = "Convierte una o más necesidades en un proyecto: sus unidades quedan como beneficiarias")
    ResponseEntity<Projects.Project> fromNeeds(@PathVariable long schemeId, @RequestBody ProjectBody body) {
        var p = view.projects().fromNeeds(schemeId, body.draft(), body.needIds());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id())).body(p);
    }

    @Audience(Reader.TEAM)
    @GetMapping("/units/{unitCode}/projects")
    @Operation(summary = "Proyectos de cualquier esquema que benefician a una unidad territorial")
    List<ProjectList.UnitItem> forUnit(@PathVariable String unitCode, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return list.forUnit(unitCode.strip().toUpperCase(), Math.max(0, page), Math.clamp(size, 1, 500));
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @GetMapping("/{id}")
    @Operation(summary = "Un proyecto con beneficiarios, necesidades, pasos, cofinanciación, hitos, informes y retrasos")
    Detail get(@PathVariable long id) {
        var p = view.projects().readable(id);
        return new Detail(p, view.steps().next(p).stream().map(Enum::name).toList(), view.beneficiaries().of(id),
                view.projects().needs(id), view.steps().of(id), view.financing().totals(id), view.financing().lines(id),
                view.monitoring().milestones(id), view.monitoring().reports(id), view.monitoring().delays(id));
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PutMapping("/{id}")
    @Operation(summary = "Modifica los datos del proyecto (código, BPIN, nombre, sector, costo, localización GeoJSON...)")
    Projects.Project update(@PathVariable long id, @RequestBody ProjectBody body) {
        return view.projects().update(id, body.draft());
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PutMapping("/{id}/execution")
    @Operation(summary = "Ejecutor, contratista, interventoría y veeduría ciudadana")
    Projects.Project execution(@PathVariable long id, @RequestBody Projects.Execution body) {
        return view.projects().execution(id, body);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/steps")
    @Operation(summary = "Cambia la etapa del proyecto (solo los pasos permitidos), con fecha y nota")
    Projects.Project step(@PathVariable long id, @RequestBody ProjectSteps.Step body) {
        return view.steps().change(id, body);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/beneficiaries")
    @Operation(summary = "Agrega o reemplaza una unidad beneficiaria con familias, personas, mujeres y hombres")
    Projects.BeneficiaryView beneficiary(@PathVariable long id, @RequestBody Projects.Beneficiary body) {
        return view.beneficiaries().put(id, body);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}/beneficiaries/{unitCode}")
    @Operation(summary = "Quita una unidad beneficiaria")
    void removeBeneficiary(@PathVariable long id, @PathVariable String unitCode) {
        view.beneficiaries().remove(id, unitCode);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/needs")
    @Operation(summary = "Vincula necesidades del mismo esquema; quedan EN PROYECTO")
    List<Projects.NeedRef> linkNeeds(@PathVariable long id, @RequestBody NeedsBody body) {
        return view.projects().addNeeds(id, body.needIds());
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @GetMapping("/{id}/financing")
    @Operation(summary = "Líneas de cofinanciación y totales por moneda, con la brecha frente al costo")
    FinancingView financing(@PathVariable long id) {
        view.projects().readable(id);
        return new FinancingView(view.financing().lines(id), view.financing().totals(id));
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/financing")
    @Idempotent
    @Operation(summary = "Agrega una línea de cofinanciación (fuente, entidad, monto, moneda, fecha de compromiso, desembolsado)")
    Financing.Line addFinancing(@PathVariable long id, @RequestBody Financing.NewLine b) {
        return view.financing().add(id, b);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PostMapping("/{id}/financing/{lineId}/void")
    @Operation(summary = "Anula una línea de cofinanciación con un motivo: queda visible y sale de los totales y de los beneficios de equidad")
    Financing.Line voidFinancing(@PathVariable long id, @PathVariable long lineId, @RequestBody Financing.Voiding b) {
        return view.financing().voidLine(id, lineId, b);
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/milestones")
    @Operation(summary = "Agrega un hito con fecha prevista (y real, si ya se cumplió)")
    Monitoring.Milestone milestone(@PathVariable long id, @RequestBody MilestoneBody b) {
        return view.monitoring().addMilestone(id, b.name(), b.plannedOn(), b.actualOn());
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @PutMapping("/{id}/milestones/{milestoneId}")
    @Operation(summary = "Registra la fecha real en que se cumplió un hito")
    Monitoring.Milestone reach(@PathVariable long id, @PathVariable long milestoneId, @RequestBody MilestoneBody b) {
        return view.monitoring().reachMilestone(id, milestoneId, b.actualOn());
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Informe de avance: fecha, avance físico y financiero (%), texto y fotos JPEG/PNG")
    Monitoring.Report report(@PathVariable long id, @RequestParam(required = false) LocalDate reportedOn,
            @RequestParam(required = false) BigDecimal physicalPercent,
            @RequestParam(required = false) BigDecimal financialPercent, @RequestParam(required = false) String text,
            @RequestParam(required = false) List<MultipartFile> photos) throws IOException {
        return view.monitoring().report(id, reportedOn, physicalPercent, financialPercent, text, uploads(photos));
    }

    @Audience(value = Reader.SCHEME, byRecord = true)
    @GetMapping("/{id}/photos/{photoId}")
    @Operation(summary = "Una foto de un informe de avance")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        view.projects().readable(id);
        var photo = view.monitoring().photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.content());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/schemes/{schemeId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importa un banco de proyectos desde XLSX: todo o nada; con errores, la lista de fila, columna y motivo")
    ResponseEntity<ProjectImport.ImportResult> importProjects(@PathVariable long schemeId,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        scopes.requireSchemeWrite(schemeId);
        Exports.checkImport(file);
        var result = imports.run(schemeId, file.getInputStream());
        return ResponseEntity.status(result.clean() ? HttpStatus.CREATED : HttpStatus.BAD_REQUEST)
                .cacheControl(CacheControl.noStore()).body(result);
    }

    static List<Monitoring.Upload> uploads(List<MultipartFile> photos) throws IOException {
        List<Monitoring.Upload> uploads = new ArrayList<>();
        if (photos != null) {
            for (MultipartFile f : photos) {
                if (f != null && !f.isEmpty()) {
                    if (f.getSize() > Monitoring.MAX_PHOTO_BYTES) {
                        throw new InvalidInputException("photo", "Size", "view.projects().photo.size",
                                String.valueOf(Monitoring.MAX_PHOTO_BYTES / (1024 * 1024)));
                    }
                    uploads.add(new Monitoring.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        return uploads;
    }
}
