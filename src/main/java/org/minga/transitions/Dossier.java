package org.minga.transitions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a handover or candidate dossier says, built from live data: a title, facts and sections of
 * rows. Its canonical form is the text of every cell in order, tab- and line-separated; its version
 * is the SHA-256 of that text. Nothing time-dependent about the generation itself (no timestamp,
 * no user) is part of it, so the same data always gives the same version.
 */
public record Dossier(Kind kind, String title, List<String> facts, List<Section> sections) {

    public enum Kind { HANDOVER, CANDIDATE }

    public record Section(String title, List<String> columns, List<List<String>> rows, String empty) {
    }

    public String canonical() {
        StringBuilder b = new StringBuilder();
        line(b, List.of(kind.name(), title));
        facts.forEach(f -> line(b, List.of("fact", f)));
        for (Section s : sections) {
            line(b, List.of("section", s.title()));
            line(b, s.columns());
            s.rows().forEach(r -> line(b, r));
        }
        return b.toString();
    }

    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append('\t');
            }
            // Tabs and line breaks inside a cell would blur the structure.
            b.append(cells.get(i) == null ? "" : cells.get(i).replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        }
        b.append('\n');
    }
}
