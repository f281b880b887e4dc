package org.minga.registry.internal;

import java.util.List;

import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scheme page's edit form saves name, profile, strategic lines and contacts together or not at all. */
@Service
public class SchemeEditor {

    private final Schemes schemes;
    private final SchemeDirectoryEntries entries;

    SchemeEditor(Schemes schemes, SchemeDirectoryEntries entries) {
        this.schemes = schemes;
        this.entries = entries;
    }

    @Transactional
    public void edit(long id, String name, String acronym, Scheme.Profile profile, List<String> strategicLines,
            List<SchemeDirectoryEntries.Contact> contacts) {
        schemes.rename(id, name, acronym);
        schemes.describe(id, profile);
        entries.replaceStrategicLines(id, strategicLines);
        entries.replaceContacts(id, contacts);
    }
}
