package org.minga.participation.web;

import java.util.List;

import org.minga.participation.internal.Stakeholders;
import org.minga.participation.internal.Sociogram;
import org.minga.platform.web.Audience;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.minga.platform.web.Reader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The actors of a scheme's territory (its stakeholders) and their relations, drawn as a sociogram. */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/participation/schemes/{id}")
record StakeholderController(Stakeholders actors, ParticipationPage page) {

    record RelationForm(Long fromId, Long toId, String kind) {
    }

    private static final String VIEW = "participation/actors";

    @GetMapping("/actors")
    String actorsPage(@PathVariable long id, @RequestParam(required = false) String unit, Model model) {
        page.header(id, model);
        List<Stakeholders.Actor> list = actors.ofScheme(id, unit);
        model.addAttribute("actors", list);
        model.addAttribute("actorOptions", Option.of(list, Stakeholders.Actor::id, Stakeholders.Actor::name));
        model.addAttribute("unit", unit);
        model.addAttribute("memberOptions", page.memberOptions(id));
        model.addAttribute("sociogram", Sociogram.of(list, actors.relations(id)));
        model.addAttribute("sociogramSize", Sociogram.SIZE);
        model.addAttribute("kinds", Option.of(Stakeholders.Kind.values()));
        model.addAttribute("relationKinds", Option.of(Stakeholders.RelationKind.values()));
        ParticipationPage.blank(model, "actor", new Stakeholders.NewActor(null, null, null, null, null, null));
        ParticipationPage.blank(model, "relation", new RelationForm(null, null, null));
        return VIEW;
    }

    @PostMapping("/actors")
    String createActor(@PathVariable long id, @ModelAttribute("actor") Stakeholders.NewActor form, BindingResult result,
            Model model) {
        return Forms.submit(result, () -> {
            actors.create(id, form);
            return "redirect:/participation/schemes/" + id + "/actors";
        }, () -> fragmentOr("actorForm", id, model));
    }

    @PostMapping("/relations")
    String relate(@PathVariable long id, @ModelAttribute("relation") RelationForm form, BindingResult result,
            Model model) {
        return Forms.submit(result, () -> {
            actors.relate(id, form.fromId(), form.toId(), form.kind());
            return "redirect:/participation/schemes/" + id + "/actors";
        }, () -> fragmentOr("relationForm", id, model));
    }

    private String fragmentOr(String fragment, long id, Model model) {
        actorsPage(id, null, model);
        return Forms.fragmentOr(VIEW + " :: " + fragment, () -> VIEW);
    }
}
