package org.minga.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minga.identity.Citizens;
import org.minga.identity.Role;
import org.minga.platform.AuditLog;
import org.minga.platform.Zones;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.Inputs;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Self sign-up and self deletion of citizens, with the same rules as accounts made by administrators. */
@Service
class CitizenAccounts implements Citizens {

    private static final String ENTITY = "user";

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SignUpLimit limit;
    private final CitizenVerifications verifications;
    private final Zones zones;

    CitizenAccounts(UserAccountRepository users, PasswordEncoder encoder, AuditLog audit, SignUpLimit limit,
            CitizenVerifications verifications, Zones zones) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.limit = limit;
        this.verifications = verifications;
        this.zones = zones;
    }

    @Override
    @Transactional
    public Citizen register(NewCitizen input, String clientAddress) {
        limit.take(clientAddress == null ? "unknown" : clientAddress);
        List<Violation> problems = new ArrayList<>();
        String username = input.username() == null ? "" : input.username().strip().toLowerCase();
        if (!UserAdministration.USERNAME.matcher(username).matches()) {
            problems.add(new Violation("username", "Pattern", "user.username.pattern"));
        } else if (users.findByUsername(username).isPresent()) {
            problems.add(new Violation("username", "Unique", "user.username.taken"));
        }
        UserAdministration.checkProfile(input.fullName(), input.email(), problems);
        UserAdministration.checkPassword("password", input.password(), username, problems);
        String unit = Inputs.text(input.unitCode());
        if (unit != null && !UserAdministration.UNIT_CODE.matcher(unit).matches()) {
            problems.add(new Violation("unitCode", "Pattern", "grant.unit.pattern"));
        }
        new Checks().addAll(problems).orThrow();
        String email = Inputs.text(input.email());
        UserAccount user = new UserAccount(username, input.fullName().strip(), email, encoder.encode(input.password()),
                zones.now());
        user.getGrants().add(new Grant(Role.CITIZEN, null, unit));
        user = users.save(user);
        audit.record(Change.created(ENTITY, user.getId(), null, "Registro de ciudadano " + username,
                Map.of("role", Role.CITIZEN.name(), "verified", false)));
        verifications.issue(user);
        return citizen(user).orElseThrow();
    }

    @Override
    public boolean isVerified(long citizenId) {
        return verifications.isVerified(citizenId);
    }

    /** Wrong tries are kept (no rollback): they count towards the code's five. */
    @Override
    @Transactional(noRollbackFor = InvalidInputException.class)
    public void verifyCurrent(String code) {
        Citizen citizen = signedInCitizen();
        if (verifications.isVerified(citizen.id())) {
            return;
        }
        verifications.verify(citizen.id(), code);
        audit.record(new Change("VERIFY", ENTITY, citizen.id(), null, "Cuenta de ciudadano verificada", null,
                Map.of("verified", true)));
    }

    @Override
    @Transactional
    public void resendCode() {
        Citizen citizen = signedInCitizen();
        if (!verifications.isVerified(citizen.id())) {
            verifications.resend(users.findById(citizen.id()).orElseThrow());
        }
    }

    private Citizen signedInCitizen() {
        return current().orElseThrow(() -> new AccessDeniedException("Solo un ciudadano verifica su propia cuenta."));
    }

    @Override
    public Optional<Citizen> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        return byUsername(auth.getName());
    }

    @Override
    public Optional<Citizen> byUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return users.findByUsername(username.strip()).filter(UserAccount::isEnabled).flatMap(CitizenAccounts::citizen);
    }

    @Override
    @Transactional
    public void deleteCurrent() {
        Citizen citizen = current().orElseThrow(
                () -> new AccessDeniedException("Solo un ciudadano puede eliminar su propia cuenta."));
        users.deleteById(citizen.id());
        audit.record(new Change("DELETE", ENTITY, citizen.id(), null, "Un ciudadano eliminó su cuenta y sus datos",
                null, null));
        // The account id is no one's once the account is gone; the user name could be someone's real name.
        audit.pseudonymise(citizen.username(), pseudonym(citizen.id()), ENTITY, citizen.id());
    }

    static String pseudonym(long accountId) {
        return "ciudadano-eliminado-" + accountId;
    }

    private static Optional<Citizen> citizen(UserAccount user) {
        return user.getGrants().stream().filter(g -> g.role() == Role.CITIZEN).findFirst()
                .map(g -> new Citizen(user.getId(), user.getUsername(), user.getFullName(), user.getEmail(),
                        g.unitCode(), user.getCreatedAt()));
    }
}
