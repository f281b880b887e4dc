package org.minga.knowledge.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.util.List;
import java.util.stream.IntStream;

import org.minga.knowledge.KnowledgeBase;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
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
record KnowledgeController(KnowledgeBase knowledge, Schemes schemes) {

    @ModelAttribute("kinds")
    KnowledgeBase.Kind[] kinds() {
        return KnowledgeBase.Kind.values();
    }

    @ModelAttribute("kindOptions")
    List<Option> kindOptions() {
        return Option.of(KnowledgeBase.Kind.values());
    }

    @ModelAttribute("factors")
    List<Integer> factors() {
        return IntStream.rangeClosed(1, KnowledgeBase.FACTORS).boxed().toList();
    }

    @ModelAttribute("areas")
    List<Integer> areas() {
        return IntStream.rangeClosed(1, KnowledgeBase.AREAS).boxed().toList();
    }

    @ModelAttribute("scores")
    List<Option> scores() {
        return Option.of(List.of(1, 2, 3, 4, 5), s -> s, String::valueOf);
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer factor, @RequestParam(required = false) Integer area,
            @RequestParam(required = false) Long scheme, @RequestParam(defaultValue = "0") int page, Model model) {
        var filters = new KnowledgeBase.Filters(q, kind, factor, area, scheme);
        model.addAttribute("filters", filters);
        return Forms.act(model, "searchError", () -> {
            model.addAttribute("result", knowledge.search(filters, page, 20));
            return "knowledge/search";
        }, () -> "knowledge/search");
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
        model.asMap().putIfAbsent("itemForm", KnowledgeBase.Input.blank(scheme));
        schemeOptions(model);
        return "knowledge/form";
    }

    private void schemeOptions(Model model) {
        model.addAttribute("schemes", Option.of(schemes.all(), s -> s.id(), s -> s.name()));
    }

    @Audience(Reader.TEAM)
    @PostMapping("/items")
    String create(@ModelAttribute("itemForm") KnowledgeBase.Input form, BindingResult result, Model model) {
        return Forms.submit(result, () -> "redirect:/knowledge/items/" + knowledge.create(form).id(),
                () -> {
                    schemeOptions(model);
                    return Forms.fragmentOr("knowledge/form :: itemForm", () -> form(form.schemeId(), model));
                });
    }
}
