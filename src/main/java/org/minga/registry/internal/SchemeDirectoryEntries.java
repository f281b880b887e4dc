package org.minga.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.registry.Scheme;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scheme's strategic lines and contacts: short lists replaced as a whole when the scheme edits them,
 * with its name and profile from the scheme page's one edit form.
 */
@Service
public class SchemeDirectoryEntries {

    /**
     * A contact of the scheme. {@code publicChannel}: staff marked it as the institution's public
     * channel (an office's e-mail, a switchboard), so it is shown to everyone; the others are people's
     * contacts, shown only to the scheme's readers. Null in input means false.
     */
    public record Contact(String name, String role, String email, String phone, Boolean publicChannel) {

        public boolean marksPublicChannel() {
            return Boolean.TRUE.equals(publicChannel);
        }
    }

    private static final int MAX_ENTRIES = 30;

    private final Desk desk;

    SchemeDirectoryEntries(Desk desk) {
        this.desk = desk;
    }

    /** The scheme page's edit form: name, profile, strategic lines and contacts together or not at all. */
    @Transactional
    public void edit(long id, String name, String acronym, Scheme.Profile profile, List<String> strategicLines,
            List<Contact> contacts) {
        desk.schemes().rename(id, name, acronym);
        desk.schemes().describe(id, profile);
        replaceStrategicLines(id, strategicLines);
        replaceContacts(id, contacts);
    }

    public List<String> strategicLines(long schemeId) {
        return desk.jdbc().sql("select name from scheme_strategic_line where scheme_id = :s order by id")
                .param("s", schemeId).query(String.class).list();
    }

    public List<Contact> contacts(long schemeId) {
        return desk.jdbc().sql("select name, role, email, phone, public_channel from scheme_contact where scheme_id = :s order by id")
                .param("s", schemeId).query(Contact.class).list();
    }

    /** The contacts the current reader may see: all for the scheme's readers, the public channels for anyone else. */
    public List<Contact> visibleContacts(long schemeId) {
        List<Contact> all = contacts(schemeId);
        return desk.scopes().canReadScheme(schemeId) ? all : all.stream().filter(Contact::marksPublicChannel).toList();
    }

    @Transactional
    public void replaceStrategicLines(long schemeId, List<String> lines) {
        var scheme = desk.writableScheme(schemeId);
        List<String> clean = (lines == null ? List.<String>of() : lines).stream().filter(l -> l != null && !l.isBlank())
                .map(String::strip).toList();
        if (clean.size() > MAX_ENTRIES) {
            throw new InvalidInputException("strategicLines", "Size", "registry.lines.size", MAX_ENTRIES);
        }
        for (int i = 0; i < clean.size(); i++) {
            if (clean.get(i).length() > 300) {
                throw new InvalidInputException("strategicLines[" + i + "]", "Size", "registry.line.size");
            }
        }
        List<String> before = strategicLines(schemeId);
        desk.jdbc().sql("delete from scheme_strategic_line where scheme_id = :s").param("s", schemeId).update();
        clean.forEach(line -> desk.jdbc().sql("insert into scheme_strategic_line (scheme_id, name) values (:s, :n)")
                .param("s", schemeId).param("n", line).update());
        desk.audit().record(Change.updated("scheme", schemeId, schemeId, "Líneas estratégicas de " + scheme.getName(),
                Map.of("strategicLines", before), Map.of("strategicLines", clean)));
    }

    @Transactional
    public void replaceContacts(long schemeId, List<Contact> contacts) {
        var scheme = desk.writableScheme(schemeId);
        List<Contact> given = contacts == null ? List.of() : contacts;
        if (given.size() > MAX_ENTRIES) {
            throw new InvalidInputException("contacts", "Size", "registry.contacts.size", MAX_ENTRIES);
        }
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Contact c = given.get(i);
            if (c.name() == null || c.name().isBlank()) {
                problems.add(new Violation("contacts[" + i + "].name", "NotBlank", "registry.contact.name"));
            }
            if (c.email() != null && !c.email().isBlank() && !c.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(new Violation("contacts[" + i + "].email", "Email", "registry.contact.email"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Contact> before = contacts(schemeId);
        desk.jdbc().sql("delete from scheme_contact where scheme_id = :s").param("s", schemeId).update();
        given.forEach(c -> desk.jdbc().sql("""
                insert into scheme_contact (scheme_id, name, role, email, phone, public_channel) values (:s, :n, :r, :e, :p, :pc)
                """).param("s", schemeId).param("n", c.name().strip()).param("r", strip(c.role()))
                .param("e", strip(c.email())).param("p", strip(c.phone())).param("pc", c.marksPublicChannel()).update());
        desk.audit().record(Change.updated("scheme", schemeId, schemeId, "Contactos de " + scheme.getName(),
                Map.of("contacts", before.toString()), Map.of("contacts", given.toString())));
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
