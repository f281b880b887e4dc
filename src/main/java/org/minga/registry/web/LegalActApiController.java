package org.minga.registry.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.registry.internal.LegalActs;
import org.minga.registry.internal.PdfDocuments;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Audience(Reader.SCHEME)
@RestController
@RequestMapping("/api/v1/registry/schemes/{id}/acts")
@Tag(name = "Registro de esquemas")
record LegalActApiController(LegalActs acts) {

    @Audience(Reader.ACCOUNT)
    @GetMapping
    @Operation(summary = "Los actos jurídicos del esquema, del más reciente al más antiguo")
    List<LegalActs.LegalAct> list(@PathVariable long id) {
        return acts.of(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Registra un acto jurídico con su PDF (multipart: type, number, issuedOn, issuer, "
            + "unitCode, summary y el archivo document; administradores y equipo del esquema)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Registrado")
    ResponseEntity<LegalActs.LegalAct> record(@PathVariable long id, @RequestParam(required = false) String type,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @RequestParam(required = false) String issuer, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String summary,
            @RequestParam(name = "document", required = false) MultipartFile document) {
        LegalActs.LegalAct act = acts.record(id, new LegalActs.NewAct(type, number, issuedOn, issuer, unitCode, summary),
                ActDocuments.upload(document));
        return ResponseEntity.created(URI.create("/api/v1/registry/schemes/" + id + "/acts/" + act.id())).body(act);
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/{actId}/document")
    @Operation(summary = "El PDF del acto, para verlo en el navegador")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long actId) {
        return ActDocuments.inline(acts.document(id, actId));
    }
}
