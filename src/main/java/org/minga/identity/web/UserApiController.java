package org.minga.identity.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.minga.identity.Role;
import org.minga.identity.internal.CurrentGrants;
import org.minga.identity.internal.Grant;
import org.minga.identity.internal.UserAccount;
import org.minga.identity.internal.UserAdministration;
import org.minga.identity.internal.UserDirectory;
import org.minga.identity.internal.UserDirectory.UserSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Audience(Reader.SCHEME_ADMIN)
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Usuarios y permisos")
class UserApiController {

    private final UserAdministration administration;
    private final UserDirectory directory;
    private final CurrentGrants current;

    UserApiController(UserAdministration administration, UserDirectory directory, CurrentGrants current) {
        this.administration = administration;
        this.directory = directory;
        this.current = current;
    }

    record GrantBody(Role role, Long schemeId, String unitCode) {
        Grant grant() {
            return new Grant(role, schemeId, unitCode);
        }
    }

    record NewUserBody(String username, String fullName, String email, String password, GrantBody grant) {
    }

    record UserBody(long id, String username, String fullName, String email, boolean enabled, List<GrantBody> grants) {
        static UserBody of(UserAccount u) {
            return new UserBody(u.getId(), u.getUsername(), u.getFullName(), u.getEmail(), u.isEnabled(),
                    u.getGrants().stream().map(g -> new GrantBody(g.role(), g.schemeId(), g.unitCode())).toList());
        }
    }

    @Audience(Reader.ACCOUNT)
    @GetMapping("/me")
    @Operation(summary = "El usuario autenticado y sus funciones")
    UserBody me(Principal principal) {
        return UserBody.of(administration.findByUsername(principal.getName()));
    }

    @GetMapping("/users")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'SCHEME_ADMIN')")
    @Operation(summary = "Usuarios (los de sus esquemas, para un administrador de esquema)")
    List<UserSummary> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String q) {
        boolean all = current.isPlatformAdmin();
        return directory.page(all ? null : current.administeredSchemes(), current.userId().orElse(null), q, Math.max(page, 0),
                Math.clamp(size, 1, 200));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/users")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'SCHEME_ADMIN')")
    @Operation(summary = "Crea un usuario con su primera función")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Creado")
    ResponseEntity<UserBody> create(@RequestBody NewUserBody body) {
        UserAccount user = administration.create(new UserAdministration.NewUser(body.username(), body.fullName(),
                body.email(), body.password(), body.grant() == null ? null : body.grant().grant()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.getId())).body(UserBody.of(user));
    }

    @GetMapping("/users/{id}")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'SCHEME_ADMIN')")
    UserBody get(@PathVariable long id) {
        return UserBody.of(administration.findVisible(id));
    }

    @PostMapping("/users/{id}/grants")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'SCHEME_ADMIN')")
    @Operation(summary = "Asigna una función; un administrador de esquema solo dentro de sus esquemas")
    UserBody addGrant(@PathVariable long id, @RequestBody GrantBody body) {
        return visibleGrants(administration.addGrant(id, body.grant()));
    }

    @DeleteMapping("/users/{id}/grants")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'SCHEME_ADMIN')")
    UserBody revokeGrant(@PathVariable long id, @RequestBody GrantBody body) {
        return visibleGrants(administration.revokeGrant(id, body.grant()));
    }

    record Unlocked(int lifted) {
    }

    @DeleteMapping("/users/{id}/login-locks")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Quita los bloqueos de inicio de sesión del usuario desde cualquier dirección (auditado)")
    Unlocked unlockLogin(@PathVariable long id) {
        return new Unlocked(administration.unlockLogin(id));
    }

    /** A scheme administrator may grant a role to any user, but sees only the grants of their schemes. */
    private UserBody visibleGrants(UserAccount user) {
        UserBody all = UserBody.of(user);
        if (current.isPlatformAdmin()) {
            return all;
        }
        var administered = current.administeredSchemes();
        return new UserBody(all.id(), all.username(), all.fullName(), all.email(), all.enabled(), all.grants().stream()
                .filter(g -> g.schemeId() != null && administered.contains(g.schemeId())).toList());
    }
}
