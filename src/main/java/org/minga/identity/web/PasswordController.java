package org.minga.identity.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.security.Principal;

import org.minga.identity.internal.UserAdministration;
import org.minga.platform.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user changes their own password. */
@Audience(Reader.ACCOUNT)
@Controller
record PasswordController(UserAdministration users) {

    /** The password form; the page never shows a password back. */
    public record PasswordForm(String currentPassword, String newPassword, String confirmation) {
    }

    @GetMapping("/account/password")
    String form(@ModelAttribute("form") PasswordForm form) {
        return "identity/password";
    }

    @PostMapping("/account/password")
    String change(@ModelAttribute("form") PasswordForm form, BindingResult result, Principal principal,
            RedirectAttributes redirect) {
        return Forms.submit(result, () -> {
            users.changeOwnPassword(principal.getName(), form.currentPassword(), form.newPassword(),
                    form.confirmation());
            redirect.addFlashAttribute("notice", "password.changed");
            return "redirect:/";
        }, () -> Forms.fragmentOr("identity/password :: form", () -> "identity/password"));
    }
}
