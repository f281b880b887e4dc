package org.minga;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * ARCHITECTURE.md's module diagram is generated, not drawn: Modulith's {@link Documenter} writes
 * it from the code, and this test fails when the committed copy ({@code docs/modules/components.puml},
 * and the same text in ARCHITECTURE.md) differs. To refresh both after a change of modules or
 * dependencies: {@code ./mvnw test -Dtest=ArchitectureDiagramTests -Ddiagram.update=true}.
 */
class ArchitectureDiagramTests {

    static final Path COMMITTED = Path.of("docs/modules/components.puml");
    static final Path ARCHITECTURE = Path.of("docs/ARCHITECTURE.md");
    static final Pattern EMBEDDED = Pattern.compile("(<!-- modules:begin.*?-->\\R```plantuml\\R)(.*?)(```\\R<!-- modules:end -->)",
            Pattern.DOTALL);

    @Test
    void theCommittedModuleDiagramIsTheGeneratedOne() throws IOException {
        Path folder = Path.of("target/spring-modulith-docs");
        new Documenter(ModularityTests.MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml();
        String generated = normalised(Files.readString(folder.resolve("components.puml")));
        Matcher embedded = EMBEDDED.matcher(Files.readString(ARCHITECTURE));
        assertThat(embedded.find()).as("ARCHITECTURE.md has the modules:begin/end block").isTrue();
        if (Boolean.getBoolean("diagram.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated);
            Files.writeString(ARCHITECTURE, embedded.replaceFirst(Matcher.quoteReplacement(
                    embedded.group(1) + generated + embedded.group(3))));
            return;
        }
        assertThat(normalised(Files.readString(COMMITTED))).as("docs/modules/components.puml is current")
                .isEqualTo(generated);
        assertThat(normalised(embedded.group(2))).as("ARCHITECTURE.md's diagram is current").isEqualTo(generated);
    }

    /**
     * The diagram in a stable order: Modulith lists modules and relations in no fixed order, so
     * each run of {@code Component(...)} or {@code Rel(...)} lines is sorted.
     */
    private static String normalised(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").strip().split("\n")));
        for (int start = 0; start < lines.size(); start++) {
            String kind = kind(lines.get(start));
            if (kind == null) {
                continue;
            }
            int end = start;
            while (end < lines.size() && kind.equals(kind(lines.get(end)))) {
                end++;
            }
            Collections.sort(lines.subList(start, end));
            start = end - 1;
        }
        return String.join("\n", lines) + "\n";
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Component(") ? "Component" : trimmed.startsWith("Rel(") ? "Rel" : null;
    }
}
