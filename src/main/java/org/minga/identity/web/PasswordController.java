package org.minga.identity.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.security.Principal;

import org.minga.identity.internal.UserAdministration;
import org.minga.platform.InvalidInputException;
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
class PasswordController {

    private final UserAdministration users;

    PasswordController(UserAdministration users) {
        this.users = users;
    }

    public static class PasswordForm {
        private String currentPassword;
        private String newPassword;
        private String confirmation;

        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String v) { currentPassword = v; }
        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String v) { newPassword = v; }
        public String getConfirmation() { return confirmation; }
        public void setConfirmation(String v) { confirmation = v; }
    }

    @GetMapping("/account/password")
    String form(@ModelAttribute("form") PasswordForm form) {
        return "identity/password";
    }

    @PostMapping("/account/password")
    String change(@ModelAttribute("form") PasswordForm form, BindingResult result, Principal principal,
            RedirectAttributes redirect) {
        try {
            users.changeOwnPassword(principal.getName(), form.getCurrentPassword(), form.getNewPassword(),
                    form.getConfirmation());
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            form.setCurrentPassword(null);
            return "identity/password";
        }
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:/";
    }
}
