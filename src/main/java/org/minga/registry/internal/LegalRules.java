package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.minga.registry.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The legal figures and the versions of their rules in force on a date. */
@Component
public record LegalRules(JdbcClient jdbc) {

    public record Figure(String country, String code, String name, String reference) {
    }

    public record Rule(String rule, Finding.Severity severity, String parameter, String reference, LocalDate validFrom) {
    }

    public Optional<Figure> figure(String country, String code) {
        return jdbc.sql("select country, code, name, reference from legal_figure where country = :c and code = :f")
                .param("c", country).param("f", code)
                .query(Figure.class)
                .optional();
    }

    public List<Figure> figures(String country) {
        return jdbc.sql("select country, code, name, reference from legal_figure where country = :c order by code")
                .param("c", country)
                .query(Figure.class)
                .list();
    }

    /** For each rule of the figure, its latest version started on or before the date (parameter OFF repeals it). */
    List<Rule> inForce(String country, String figure, LocalDate at) {
        return jdbc.sql("""
                select distinct on (rule) rule, severity, parameter, reference, valid_from
                from legal_rule where country = :c and figure_code = :f and valid_from <= :at
                order by rule, valid_from desc
                """).param("c", country).param("f", figure).param("at", Date.valueOf(at))
                .query(Rule.class)
                .list().stream().filter(r -> !"OFF".equalsIgnoreCase(r.parameter())).toList();
    }

    void add(String country, String figure, String rule, Finding.Severity severity, String parameter,
            String reference, LocalDate validFrom, String createdBy) {
        jdbc.sql("""
                insert into legal_rule (country, figure_code, rule, severity, parameter, reference, valid_from, created_by)
                values (:c, :f, :r, :s, :p, :ref, :from, :by)
                """).param("c", country).param("f", figure).param("r", rule).param("s", severity.name())
                .param("p", parameter).param("ref", reference).param("from", Date.valueOf(validFrom))
                .param("by", createdBy).update();
    }
}
