package org.minga.observatory.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.minga.observatory.internal.Figures;
import org.minga.observatory.internal.Observatory;
import org.minga.observatory.web.ObservatoryTable.Row;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The observatory's figures as the tables of its page and of its CSV files, in the visitor's language. */
@Component
record ObservatoryTables(Observatory observatory, MessageSource messages) {

    List<ObservatoryTable> of(Figures f) {
        return Observatory.TABLES.stream().map(name -> of(f, name)).toList();
    }

    ObservatoryTable of(Figures f, String name) {
        return switch (name) {
            case "summary" -> table(name, "observatory.municipalities", List.of(
                    row("municipalities", text("observatory.municipalities.total"), f.municipalities()),
                    row("in-schemes", text("observatory.municipalities.inSchemes"), f.municipalitiesInSchemes()),
                    row("in-several", text("observatory.municipalities.inSeveral"), f.municipalitiesInSeveral())));
            case "by-figure" -> {
                Map<String, String> names = observatory.figureNames(f.country());
                yield counts(name, "observatory.byFigure", f.byFigure(),
                        k -> names.getOrDefault(k, text("observatory.figure.NONE")));
            }
            case "by-status" -> counts(name, "observatory.byStatus", f.byStatus(),
                    k -> text(k.equals("UNRECORDED") ? "observatory.status.UNRECORDED" : "scheme.status." + k));
            case "by-department" -> table(name, "observatory.byDepartment",
                    f.byDepartment().stream().map(c -> row(c.key(), c.label(), c.value())).toList());
            case "members-per-scheme" -> table(name, "observatory.membersPerScheme",
                    f.membersPerScheme().stream().map(c -> row(c.key(), text("observatory.members", c.label()),
                            c.value())).toList());
            case "founded-dissolved" -> new ObservatoryTable(name, text("observatory.foundedDissolved"),
                    List.of(text("observatory.founded"), text("observatory.dissolved")),
                    f.foundedAndDissolved().stream().map(y -> new Row(String.valueOf(y.year()),
                            String.valueOf(y.year()), null, List.<Number>of(y.founded(), y.dissolved()))).toList());
            case "competences" -> table(name, "observatory.competences",
                    f.competences().stream().map(c -> row(c.key(), c.label(), c.value())).toList());
            case "investment-by-sector" -> money(name, "observatory.bySector", f.investmentBySector(), k -> k);
            case "investment-by-source" -> money(name, "observatory.bySource", f.investmentBySource(),
                    k -> text("projects.source." + k));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private ObservatoryTable counts(String name, String title, Map<String, Long> counts, Function<String, String> label) {
        return table(name, title, counts.entrySet().stream()
                .map(e -> row(e.getKey(), label.apply(e.getKey()), e.getValue())).toList());
    }

    private ObservatoryTable table(String name, String title, List<Row> rows) {
        return new ObservatoryTable(name, text(title), List.of(text(title + ".value")), rows);
    }

    private ObservatoryTable money(String name, String title, List<Figures.Amount> amounts,
            Function<String, String> label) {
        return new ObservatoryTable(name, text(title), List.of(text("observatory.amount")), amounts.stream()
                .map(a -> new Row(a.key(), label.apply(a.key()), a.currency(), List.<Number>of(a.value()))).toList());
    }

    private static Row row(String key, String label, long value) {
        return new Row(key, label, null, List.of(value));
    }

    String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
