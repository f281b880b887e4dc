package org.minga.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.minga.identity.Role;
import org.minga.identity.SchemeDirectory;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.Zones;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating users and granting roles, with the rule that a scheme administrator acts only inside
 * their own schemes. Every change is audited in the same transaction.
 */
@Service
public class UserAdministration {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    /** DIVIPOLA department (2 digits) or municipality (5); Salvadoran "D097" districts, "M21" municipalities. */
    static final Pattern UNIT_CODE = Pattern.compile("\\d{2}|\\d{5}|D\\d{3}|M\\d{2}");
    private static final String ENTITY = "user";

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final CurrentGrants current;
    private final SchemeDirectory schemes;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final Zones zones;

    UserAdministration(UserAccountRepository users, PasswordEncoder encoder, CurrentGrants current,
            SchemeDirectory schemes, AuditLog audit, LoginThrottle throttle, Zones zones) {
        this.users = users;
        this.encoder = encoder;
        this.current = current;
        this.schemes = schemes;
        this.audit = audit;
        this.throttle = throttle;
        this.zones = zones;
    }

    public record NewUser(String username, String fullName, String email, String password, Grant grant) {
    }

    @Transactional
    public UserAccount create(NewUser input) {
        List<Violation> problems = new ArrayList<>();
        String username = input.username() == null ? "" : input.username().strip().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new Violation("username", "Pattern", "user.username.pattern"));
        } else if (users.findByUsername(username).isPresent()) {
            problems.add(new Violation("username", "Unique", "user.username.taken"));
        }
        checkProfile(input.fullName(), input.email(), problems);
        checkPassword("password", input.password(), username, problems);
        if (input.grant() != null) {
            problems.addAll(grantProblems(input.grant()));
        } else if (!current.isPlatformAdmin()) {
            problems.add(new Violation("role", "Required", "grant.role.required"));
        }
        new Checks().addAll(problems).orThrow();
        if (input.grant() != null) {
            requireMayGrant(input.grant());
        } else {
            current.requirePlatformAdmin();
        }
        UserAccount user = new UserAccount(username, input.fullName().strip(), Inputs.text(input.email()),
                encoder.encode(input.password()), zones.now());
        if (input.grant() != null) {
            user.getGrants().add(normalise(input.grant()));
        }
        user.setCreatedBy(current.userId().orElse(null));
        user = users.save(user);
        audit.record(Change.created(ENTITY, user.getId(), schemeOf(input.grant()), "Usuario " + username,
                user.auditState()));
        return user;
    }

    @Transactional
    public UserAccount addGrant(long userId, Grant grant) {
        List<Violation> problems = grantProblems(grant);
        new Checks().addAll(problems).orThrow();
        requireMayGrant(grant);
        UserAccount user = findVisible(userId);
        var before = user.auditState();
        Grant normalised = normalise(grant);
        if (!user.getGrants().add(normalised)) {
            throw new InvalidInputException("role", "Unique", "grant.duplicate");
        }
        return saved(user, before, "GRANT", grant.schemeId(),
                "Función " + normalised.describe() + " a " + user.getUsername());
    }

    @Transactional
    public UserAccount revokeGrant(long userId, Grant grant) {
        requireMayGrant(grant);
        UserAccount user = findVisible(userId);
        var before = user.auditState();
        if (!user.getGrants().remove(normalise(grant))) {
            throw new NotFoundException("función", grant.describe());
        }
        return saved(user, before, "REVOKE", grant.schemeId(),
                "Función " + grant.describe() + " retirada a " + user.getUsername());
    }

    @Transactional
    public UserAccount setEnabled(long userId, boolean enabled) {
        current.requirePlatformAdmin();
        UserAccount user = find(userId);
        var before = user.auditState();
        user.setEnabled(enabled);
        return saved(user, before, "UPDATE", null, (enabled ? "Activado " : "Desactivado ") + user.getUsername());
    }

    /** Saves a changed account, stamped now, and audits the change with the account's state before and after. */
    private UserAccount saved(UserAccount user, Map<String, Object> before, String action, Long schemeId,
            String summary) {
        user.touch(zones.now());
        users.save(user);
        audit.record(new Change(action, ENTITY, user.getId(), schemeId, summary, before, user.auditState()));
        return user;
    }

    /** A platform administrator sets a new password for someone who lost theirs. */
    @Transactional
    public void resetPassword(long userId, String newPassword) {
        current.requirePlatformAdmin();
        UserAccount user = find(userId);
        List<Violation> problems = new ArrayList<>();
        checkPassword("password", newPassword, user.getUsername(), problems);
        new Checks().addAll(problems).orThrow();
        user.changePassword(encoder.encode(newPassword), zones.now());
        users.save(user);
        audit.record(new Change("PASSWORD_RESET", ENTITY, userId, null, "Contraseña restablecida a " + user.getUsername(),
                null, null));
    }

    /**
     * A platform administrator lifts the login locks of a user name from every address (a user
     * locked out by their own typing, or by a guesser on their network). Answers how many were lifted.
     */
    @Transactional
    public int unlockLogin(long userId) {
        current.requirePlatformAdmin();
        UserAccount user = find(userId);
        int lifted = throttle.unlock(user.getUsername());
        audit.record(new Change("UNLOCK", ENTITY, userId, null, "Bloqueos de inicio de sesión quitados a "
                + user.getUsername() + " (" + lifted + ")", null, null));
        return lifted;
    }

    /** The signed-in user changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String confirmation) {
        UserAccount user = findByUsername(username);
        List<Violation> problems = new ArrayList<>();
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPasswordHash())) {
            problems.add(new Violation("currentPassword", "Matches", "password.current.wrong"));
        }
        checkPassword("newPassword", newPassword, username, problems);
        if (!Objects.equals(newPassword, confirmation)) {
            problems.add(new Violation("confirmation", "Equals", "password.confirmation.mismatch"));
        }
        new Checks().addAll(problems).orThrow();
        user.changePassword(encoder.encode(newPassword), zones.now());
        users.save(user);
        audit.record(new Change("PASSWORD_CHANGE", ENTITY, user.getId(), null, "Cambio de contraseña de " + username,
                null, null));
    }

    public UserAccount findByUsername(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("usuario", username));
    }

    /**
     * A scheme administrator sees, and grants to, only the users who hold a role in one of their
     * schemes or whom they created. Anyone else is "not found", word for word the answer for an id
     * that does not exist, so that account ids cannot be enumerated.
     */
    public UserAccount findVisible(long userId) {
        if (current.isPlatformAdmin()) {
            return find(userId);
        }
        List<Long> administered = current.administeredSchemes();
        Long me = current.userId().orElse(null);
        return users.findById(userId)
                .filter(user -> (me != null && me.equals(user.getCreatedBy())) || user.getGrants().stream()
                        .anyMatch(g -> g.schemeId() != null && administered.contains(g.schemeId())))
                .orElseThrow(() -> new NotFoundException("usuario", userId));
    }

    public UserAccount find(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("usuario", userId));
    }

    /** Platform administrators grant anything; scheme administrators only scheme roles in their schemes. */
    public boolean mayGrant(Grant grant) {
        if (current.isPlatformAdmin()) {
            return true;
        }
        boolean ownScheme = grant.schemeId() != null && current.administeredSchemes().contains(grant.schemeId());
        return ownScheme && grant.role().needsScheme();
    }

    private void requireMayGrant(Grant grant) {
        if (!mayGrant(grant)) {
            throw grant.schemeId() == null ? current.denied("grant", grant.role())
                    : current.denied("grantInScheme", grant.role(), grant.schemeId());
        }
    }

    private List<Violation> grantProblems(Grant grant) {
        List<Violation> problems = new ArrayList<>();
        if (grant.role() == null) {
            problems.add(new Violation("role", "Required", "grant.role.required"));
            return problems;
        }
        Role role = grant.role();
        if (role.needsScheme() && grant.schemeId() == null) {
            problems.add(new Violation("schemeId", "Required", "grant.scheme.required"));
        } else if (!role.needsScheme() && grant.schemeId() != null) {
            problems.add(new Violation("schemeId", "Forbidden", "grant.scheme.forbidden"));
        } else if (grant.schemeId() != null && schemes.find(grant.schemeId()).isEmpty()) {
            problems.add(new Violation("schemeId", "Exists", "grant.scheme.unknown", grant.schemeId()));
        }
        String unit = Inputs.text(grant.unitCode());
        if (role.scope() == Role.Scope.SCHEME_AND_UNIT && unit == null) {
            problems.add(new Violation("unitCode", "Required", "grant.unit.required"));
        } else if ((role.scope() == Role.Scope.SCHEME_AND_UNIT || role.scope() == Role.Scope.OPTIONAL_UNIT)
                && unit != null && !UNIT_CODE.matcher(unit).matches()) {
            problems.add(new Violation("unitCode", "Pattern", "grant.unit.pattern"));
        } else if ((role.scope() == Role.Scope.SCHEME || role.scope() == Role.Scope.NONE) && unit != null) {
            problems.add(new Violation("unitCode", "Forbidden", "grant.unit.forbidden"));
        }
        return problems;
    }

    static void checkProfile(String fullName, String email, List<Violation> problems) {
        if (fullName == null || fullName.isBlank()) {
            problems.add(new Violation("fullName", "NotBlank", "user.fullName.required"));
        } else if (fullName.strip().length() > 120) {
            problems.add(new Violation("fullName", "Size", "user.fullName.size"));
        }
        if (email != null && !email.isBlank() && !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new Violation("email", "Email", "user.email.invalid"));
        }
    }

    static void checkPassword(String field, String password, String username, List<Violation> problems) {
        PasswordRules.check(field, password, username, problems);
    }

    private static Grant normalise(Grant grant) {
        return new Grant(grant.role(), grant.schemeId(), Inputs.text(grant.unitCode()));
    }

    private static Long schemeOf(Grant grant) {
        return grant == null ? null : grant.schemeId();
    }
}
