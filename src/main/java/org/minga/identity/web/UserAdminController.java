package org.minga.identity.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.util.Arrays;
import java.util.List;

import org.minga.identity.Role;
import org.minga.identity.SchemeDirectory;
import org.minga.identity.SchemeDirectory.SchemeRef;
import org.minga.identity.UnitDirectory;
import org.minga.identity.internal.CurrentGrants;
import org.minga.identity.internal.UserAccount;
import org.minga.identity.internal.UserAdministration;
import org.minga.identity.internal.UserDirectory;
import org.minga.platform.web.Forms;
import org.minga.platform.web.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users and their grants. Platform administrators see everyone; a scheme administrator sees the
 * users of their schemes and grants scheme roles only there.
 */
@Audience(Reader.SCHEME_ADMIN)
@Controller
@RequestMapping("/admin/users")
record UserAdminController(UserAdministration administration, UserDirectory directory, CurrentGrants current,
        SchemeDirectory schemes, UnitDirectory units) {

    static final int PAGE_SIZE = 25;

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String q, Model model) {
        List<Long> scope = current.isPlatformAdmin() ? null : current.administeredSchemes();
        var users = directory.page(scope, current.userId().orElse(null), q, Math.max(page, 0), PAGE_SIZE + 1);
        model.addAttribute("users", users.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("hasNext", users.size() > PAGE_SIZE);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("q", q);
        return "identity/users";
    }

    @GetMapping("/new")
    String newForm(@ModelAttribute("form") UserForm form, Model model) {
        return form(model);
    }

    /** A grant the signed-in administrator may not give is refused above the form, before anything is checked. */
    @PostMapping
    String create(@ModelAttribute("form") UserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        refuseUnlessMayGrant(form.input().grant(), result);
        return Forms.submit(result, () -> {
            UserAccount user = administration.create(form.withUnitCode(unitCode(form.unitCode(), form.schemeId()))
                    .input());
            redirect.addFlashAttribute("notice", "user.created");
            return "redirect:/admin/users/" + user.getId();
        }, () -> {
            options(model);
            return Forms.fragmentOr("identity/user-new :: form", () -> "identity/user-new");
        });
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("user", administration.findVisible(id));
        model.mergeAttributes(java.util.Map.of("grantForm", new GrantForm(null, null, null)));
        return detail(model);
    }

    @PostMapping("/{id}/grants")
    String addGrant(@PathVariable long id, @ModelAttribute("grantForm") GrantForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (form.role() != null) {
            refuseUnlessMayGrant(form.grant(), result);
        }
        return Forms.submit(result, () -> {
            administration.addGrant(id, form.withUnitCode(unitCode(form.unitCode(), form.schemeId())).grant());
            redirect.addFlashAttribute("notice", "grant.added");
            return "redirect:/admin/users/" + id;
        }, () -> {
            model.addAttribute("user", administration.findVisible(id));
            options(model);
            return Forms.fragmentOr("identity/user :: grant-form", () -> "identity/user");
        });
    }

    /** The unit typed by name or code, read in the country of the grant's scheme (any country without one). */
    private String unitCode(String typed, Long schemeId) {
        String country = schemeId == null ? null : schemes.find(schemeId).map(SchemeRef::country).orElse(null);
        return units.localUnitCode("unitCode", typed, country);
    }

    private void refuseUnlessMayGrant(org.minga.identity.internal.Grant grant, BindingResult result) {
        if (grant != null && grant.role() != null && !administration.mayGrant(grant)) {
            result.reject("grant.denied");
        }
    }

    @PostMapping("/{id}/grants/revoke")
    String revokeGrant(@PathVariable long id, GrantForm form, RedirectAttributes redirect) {
        administration.revokeGrant(id, form.grant());
        redirect.addFlashAttribute("notice", "grant.revoked");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        administration.setEnabled(id, enabled);
        redirect.addFlashAttribute("notice", enabled ? "user.enabled" : "user.disabled");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, Model model,
            RedirectAttributes redirect) {
        return Forms.act(model, "resetError", () -> {
            administration.resetPassword(id, password);
            redirect.addFlashAttribute("notice", "password.reset");
            return "redirect:/admin/users/" + id;
        }, () -> show(id, model));
    }

    @PostMapping("/{id}/unlock")
    String unlockLogin(@PathVariable long id, RedirectAttributes redirect) {
        administration.unlockLogin(id);
        redirect.addFlashAttribute("notice", "login.unlocked");
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model) {
        options(model);
        return "identity/user-new";
    }

    private String detail(Model model) {
        options(model);
        return "identity/user";
    }

    private void options(Model model) {
        boolean admin = current.isPlatformAdmin();
        List<SchemeRef> allSchemes = schemes.all();
        List<Long> administered = admin ? List.of() : current.administeredSchemes();
        model.addAttribute("schemes", Option.of(admin ? allSchemes
                : allSchemes.stream().filter(s -> administered.contains(s.id())).toList(), SchemeRef::id,
                s -> s.name() + " (" + s.country() + ")"));
        model.addAttribute("roles", Option.of(admin ? Role.values()
                : Arrays.stream(Role.values()).filter(Role::needsScheme).toArray(Role[]::new)));
        model.addAttribute("platformAdmin", admin);
        model.addAttribute("schemeNames", allSchemes.stream()
                .collect(java.util.stream.Collectors.toMap(SchemeRef::id, SchemeRef::name)));
    }
}
