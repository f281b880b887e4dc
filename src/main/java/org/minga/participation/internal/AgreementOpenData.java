package org.minga.participation.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.minga.platform.TableWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CTT agreements and their actions as open data: what each public agreement page shows (line, action,
 * responsible entity, level, investment, indicator, target, dates) with the last progress reported
 * by the date. One query, streamed; citizens' observations stay on the pages, where moderation shows them.
 */
@Service
public class AgreementOpenData {

    private final JdbcClient jdbc;

    AgreementOpenData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public void actionsCsv(LocalDate at, String base, OutputStream out) throws IOException {
        try (TableWriter table = TableWriter.csv(out, List.of("acuerdo_id", "esquema_id", "acuerdo", "objetivo", "linea",
                "accion_id", "accion", "responsable", "nivel", "inversion", "moneda", "indicador", "meta", "inicio", "fin",
                "avance", "avance_fecha", "pagina_publica"))) {
            jdbc.sql("""
                    select g.id as agreement_id, g.scheme_id, g.title as agreement, g.objective, l.name as line, a.id,
                           a.title, a.responsible, a.level, a.investment, a.currency, a.indicator, a.target,
                           a.starts_on, a.ends_on, u.progress, u.reported_on
                    from ctt_agreement g
                    join agreement_action a on a.agreement_id = g.id
                    join agreement_line l on l.id = a.line_id
                    left join lateral (select progress, reported_on from action_update
                                       where action_id = a.id and reported_on <= :at
                                       order by reported_on desc, id desc limit 1) u on true
                    where g.created_at::date <= :at
                    order by g.id, l.id, a.id""").param("at", at).query((ResultSet rs) -> {
                        try {
                            table.row(Arrays.asList(rs.getLong("agreement_id"), rs.getLong("scheme_id"),
                                    rs.getString("agreement"), rs.getString("objective"), rs.getString("line"),
                                    rs.getLong("id"), rs.getString("title"), rs.getString("responsible"),
                                    rs.getString("level"), rs.getBigDecimal("investment"), rs.getString("currency"),
                                    rs.getString("indicator"), rs.getString("target"),
                                    rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                                    rs.getBigDecimal("progress"), rs.getObject("reported_on", LocalDate.class),
                                    base + "/public/participation/agreements/" + rs.getLong("agreement_id")));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }
}
