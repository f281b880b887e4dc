package org.minga.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.minga.identity.Role;
import org.minga.platform.AuditLog;
import org.minga.platform.Zones;
import org.minga.platform.AuditLog.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start, with no user at all, creates the administrator {@code admin} with the password
 * in MINGA_ADMIN_PASSWORD, or a generated one printed once.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Zones zones;

    AdminBootstrap(UserAccountRepository users, PasswordEncoder encoder, IdentityProperties properties,
            AuditLog audit, Zones zones) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
        this.zones = zones;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? generatePassword() : properties.adminPassword();
        UserAccount admin = new UserAccount("admin", "Administrador", null, encoder.encode(password), zones.now());
        admin.getGrants().add(new Grant(Role.PLATFORM_ADMIN, null, null));
        try {
            admin = users.save(admin);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return;
        }
        audit.record(Change.created("user", admin.getId(), null, "Administrador inicial", admin.auditState()));
        if (generated) {
            // Printed once, on purpose: it is the only way in on a fresh installation.
            System.out.println("""

                    ================================================================
                     Minga: administrador inicial creado
                       usuario:    admin
                       contraseña: %s
                     Guárdela ahora y cámbiela al entrar; no se volverá a mostrar.
                    ================================================================
                    """.formatted(password));
        }
        log.info("Initial administrator 'admin' created ({} password)", generated ? "generated" : "configured");
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
