package org.minga.observatory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of the observatory as the page shows it, its CSV carries it and its chart draws it: a row
 * per key, with a label for people and one or more values.
 *
 * @param name the table's address ({@code by-figure} in {@code /public/observatory/by-figure.csv})
 * @param columns the headings of the values, in the visitor's language
 */
record ObservatoryTable(String name, String title, List<String> columns, List<Row> rows) {

    /** A row: {@code currency} only for money, whose bars are scaled within their currency. */
    record Row(String key, String label, String currency, List<Number> values) {
    }

    /** A bar of the chart: its label, where it sits and one width per value (pixels). */
    record Bar(String label, int y, List<Integer> widths, List<String> values) {
    }

    /** Bars start at x = 220 in a 600-wide chart, leaving the left for labels and the right for values. */
    static final int BAR_AREA = 300;

    /** The chart's bars: each value scaled against the largest of its column (and currency). */
    public List<Bar> bars() {
        Map<String, double[]> max = new LinkedHashMap<>();
        for (Row r : rows) {
            double[] m = max.computeIfAbsent(String.valueOf(r.currency()), c -> new double[columns.size()]);
            for (int i = 0; i < r.values().size(); i++) {
                m[i] = Math.max(m[i], r.values().get(i).doubleValue());
            }
        }
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Row r : rows) {
            double[] m = max.get(String.valueOf(r.currency()));
            List<Integer> widths = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < r.values().size(); i++) {
                double v = r.values().get(i).doubleValue();
                widths.add(m[i] == 0 ? 0 : (int) Math.round(BAR_AREA * v / m[i]));
                values.add(r.values().get(i).toString());
            }
            bars.add(new Bar(r.currency() == null ? r.label() : r.label() + " (" + r.currency() + ")", y, widths, values));
            y += rowHeight();
        }
        return bars;
    }

    /** A row's height: a 12-pixel bar per value, 2 apart, and 8 between rows. */
    public int rowHeight() {
        return 14 * columns.size() + 8;
    }

    public int height() {
        return Math.max(1, rows.size()) * rowHeight();
    }
}
