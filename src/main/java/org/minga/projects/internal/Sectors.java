package org.minga.projects.internal;

import java.util.List;
import java.util.Optional;

import org.minga.platform.NamedRows;
import org.minga.platform.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The national catalogue of investment sectors (table {@code investment_sector}, V132: the MGA/DNP
 * sectors for Colombia, the budget's áreas de gestión for El Salvador). A project stores the
 * sector's name; people may give its name or its code.
 */
@Component
public record Sectors(JdbcClient jdbc) {

    public record Sector(String code, String name) {

        /** As a select shows it: "24 Transporte". */
        public String label() {
            return code + " " + name;
        }
    }

    /** One country's sectors in code order, read once per form or import. */
    public record Catalogue(List<Sector> sectors) {

        /** The sector's name for a name or a code as typed (accents, case and spaces aside); empty when unknown. */
        public Optional<String> resolve(String typed) {
            if (typed == null || typed.isBlank()) {
                return Optional.empty();
            }
            String key = NamedRows.key(typed).replaceAll("\\s+", " ");
            String code = typed.strip().replaceFirst("^0(?=\\d)", "");
            return sectors.stream().filter(s -> NamedRows.key(s.name()).equals(key) || NamedRows.key(s.label()).equals(key)
                    || s.code().replaceFirst("^0(?=\\d)", "").equals(code)).map(Sector::name).findFirst();
        }

        /**
         * The choices of a form's select, value the name; {@code kept} (a value stored before the
         * catalogue, not in it) comes first so that editing never loses it.
         */
        public List<Option> options(String kept) {
            List<Option> options = new java.util.ArrayList<>();
            if (kept != null && !kept.isBlank() && resolve(kept).isEmpty()) {
                options.add(new Option(kept, kept));
            }
            sectors.forEach(s -> options.add(new Option(s.name(), s.label())));
            return options;
        }
    }

    public Catalogue of(String country) {
        return new Catalogue(jdbc.sql("select code, name from investment_sector where country_code = :c order by code")
                .param("c", country).query(Sector.class).list());
    }
}
