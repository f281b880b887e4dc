package org.minga.knowledge.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.util.List;
import java.util.stream.IntStream;

import org.minga.knowledge.KnowledgeBase;
import org.minga.knowledge.web.KnowledgeForms.ItemForm;
import org.minga.platform.InvalidInputException;
import org.minga.platform.web.Forms;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The knowledge base: search with filters, an item's page, and the form to record one. */
@Audience(Reader.ACCOUNT)
@Controller
@RequestMapping("/knowledge")
class KnowledgeController {

    private final KnowledgeBase knowledge;
    private final Schemes schemes;

    KnowledgeController(KnowledgeBase knowledge, Schemes schemes) {
        this.knowledge = knowledge;
        this.schemes = schemes;
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer factor, @RequestParam(required = false) Integer area,
            @RequestParam(required = false) Long scheme, @RequestParam(defaultValue = "0") int page, Model model) {
        var filters = new KnowledgeBase.Filters(q, kind, factor, area, scheme);
        model.addAttribute("filters", filters);
        try {
            model.addAttribute("result", knowledge.search(filters, page, 20));
        } catch (InvalidInputException e) {
            model.addAttribute("searchError", e.violations().getFirst());
        }
        common(model);
        return "knowledge/search";
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable long id, Model model) {
        var item = knowledge.item(id);
        model.addAttribute("item", item);
        model.addAttribute("schemeName", item.schemeId() == null ? null : schemes.get(item.schemeId()).getName());
        return "knowledge/item";
    }

    @Audience(Reader.TEAM)
    @GetMapping("/new")
    String form(@RequestParam(required = false) Long scheme, Model model) {
        if (!model.containsAttribute("itemForm")) {
            ItemForm f = new ItemForm();
            f.setSchemeId(scheme);
            model.addAttribute("itemForm", f);
        }
        common(model);
        return "knowledge/form";
    }

    @Audience(Reader.TEAM)
    @PostMapping("/items")
    String create(@ModelAttribute("itemForm") ItemForm f, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                var item = knowledge.create(new KnowledgeBase.Input(f.getSchemeId(), f.getKind(), f.getTitle(), f.getContext(),
                        f.getWhatWasDone(), f.getSuccesses(), f.getFailures(), f.getLessons(), f.getPendingQuestions(),
                        f.getVoices(), f.getBody(), f.getIntegrality(), f.getImpact(), f.getSustainability(),
                        f.getReplicability(), f.getDocumentType(), f.getAudience(), f.getDeliveredTo(), f.getDeliveredOn(),
                        f.getFactors(), f.getAreas()));
                return "redirect:/knowledge/items/" + item.id();
            } catch (InvalidInputException e) {
                Forms.reject(result, e);
            }
        }
        common(model);
        return "knowledge/form";
    }

    private void common(Model model) {
        model.addAttribute("kinds", KnowledgeBase.Kind.values());
        model.addAttribute("factors", IntStream.rangeClosed(1, KnowledgeBase.FACTORS).boxed().toList());
        model.addAttribute("areas", IntStream.rangeClosed(1, KnowledgeBase.AREAS).boxed().toList());
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("scores", List.of(1, 2, 3, 4, 5));
    }
}
