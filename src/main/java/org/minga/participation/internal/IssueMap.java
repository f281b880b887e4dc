package org.minga.participation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minga.participation.internal.TerritorialIssues.Marker;
import org.minga.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The public map of published issues: markers by viewport, from the grid of cells kept by the database. */
@Service
public record IssueMap(JdbcClient jdbc) {

    /**
     * Published issues inside a viewport, counted on the fixed grid whose cells are the smallest
     * giving at most 32 per side (V23): the map gets a few hundred markers at any zoom and the
     * query reads cells, not issues. A cell holding one issue is that issue.
     */
    public List<Marker> map(double west, double south, double east, double north, Long schemeId) {
        if (!(west < east) || !(south < north) || west < -180 || east > 180 || south < -90 || north > 90) {
            throw new InvalidInputException("bbox", "Range", "participation.map.bbox");
        }
        double target = Math.max(east - west, north - south) / 32;
        int level = (int) Math.min(8, Math.max(0, Math.ceil(Math.log(target / 0.005) / Math.log(2))));
        double cell = 0.005 * Math.pow(2, level);
        List<Marker> markers = new ArrayList<>();
        Map<Long, Integer> singles = new LinkedHashMap<>();
        jdbc.sql("""
                select sum(issues) as issues, sum(sum_lon) / sum(issues) as lon, sum(sum_lat) / sum(issues) as lat,
                       max(last_id) as last_id
                from issue_map_cell
                where level = :level and cx between :x0 and :x1 and cy between :y0 and :y1 and issues > 0
                  and (cast(:scheme as bigint) is null or scheme_id = :scheme)
                group by cx, cy""").param("level", level).param("x0", (int) Math.floor(west / cell))
                .param("x1", (int) Math.floor(east / cell)).param("y0", (int) Math.floor(south / cell))
                .param("y1", (int) Math.floor(north / cell)).param("scheme", schemeId)
                .query((rs, n) -> {
                    if (rs.getInt("issues") == 1) {
                        singles.put(rs.getLong("last_id"), markers.size());
                    }
                    return markers.add(new Marker(rs.getDouble("lon"), rs.getDouble("lat"), rs.getInt("issues"), null,
                            null, null));
                }).list();
        if (!singles.isEmpty()) {
            jdbc.sql("select id, public_lon, public_lat, title, theme from territorial_issue where id in (:ids) "
                    + "and moderation = 'PUBLISHED'")
                    .param("ids", List.copyOf(singles.keySet()))
                    .query((rs, n) -> markers.set(singles.get(rs.getLong("id")), new Marker(rs.getDouble("public_lon"),
                            rs.getDouble("public_lat"), 1, rs.getLong("id"), rs.getString("title"),
                            rs.getString("theme")))).list();
        }
        return markers;
    }
}
