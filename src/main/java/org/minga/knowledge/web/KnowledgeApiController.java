package org.minga.knowledge.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.knowledge.KnowledgeBase;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.ACCOUNT)
@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Conocimiento", description = "Experiencias, buenas prácticas, documentos técnicos y búsqueda en español sin tildes")
record KnowledgeApiController(KnowledgeBase knowledge) {

    @Audience(Reader.TEAM)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/items")
    @Operation(summary = "Registra una experiencia, buena práctica o documento técnico, con factores clave y áreas")
    ResponseEntity<KnowledgeBase.Item> create(@RequestBody KnowledgeBase.Input in) {
        var item = knowledge.create(in);
        return ResponseEntity.created(URI.create("/api/v1/knowledge/items/" + item.id())).body(item);
    }

    @GetMapping("/items/{id}")
    KnowledgeBase.Item item(@PathVariable long id) {
        return knowledge.item(id);
    }

    @GetMapping("/search")
    @Operation(summary = "Búsqueda de texto completo (ignora tildes, encuentra variantes) con fragmentos resaltados, paginada")
    KnowledgeBase.Page search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer factor, @RequestParam(required = false) Integer area,
            @RequestParam(required = false) Long scheme, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return knowledge.search(new KnowledgeBase.Filters(q, kind, factor, area, scheme), page, size);
    }
}
