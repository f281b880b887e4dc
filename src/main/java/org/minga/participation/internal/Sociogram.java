package org.minga.participation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.minga.participation.internal.Stakeholders.Actor;
import org.minga.participation.internal.Stakeholders.Relation;

/**
 * Places a sociogram for drawing as SVG: actors on a circle, grouped by kind so that each sector
 * of the circle is one kind of actor, sized by influence; relations as lines between them. A fixed
 * layout (not a force simulation) so the same data always draws the same picture.
 */
public final class Sociogram {

    public static final int SIZE = 640;
    private static final double CENTRE = SIZE / 2.0;
    private static final double RADIUS = SIZE / 2.0 - 90;

    public record Node(long id, String name, String kind, double x, double y, double r, double labelX, String anchor) {
    }

    public record Edge(double x1, double y1, double x2, double y2, String kind) {
    }

    public record Drawing(List<Node> nodes, List<Edge> edges) {
    }

    private Sociogram() {
    }

    public static Drawing of(List<Actor> actors, List<Relation> relations) {
        List<Actor> ordered = new ArrayList<>(actors);
        ordered.sort(Comparator.comparing(Actor::kind).thenComparing(Actor::name));
        Map<Long, Node> nodes = new HashMap<>();
        List<Node> list = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Actor a = ordered.get(i);
            double angle = 2 * Math.PI * i / Math.max(1, ordered.size()) - Math.PI / 2;
            double x = round(CENTRE + RADIUS * Math.cos(angle));
            double y = round(CENTRE + RADIUS * Math.sin(angle));
            boolean right = Math.cos(angle) >= 0;
            double r = 6 + 3 * a.influence();
            Node node = new Node(a.id(), a.name(), a.kind().name(), x, y, r, round(x + (right ? r + 4 : -r - 4)),
                    right ? "start" : "end");
            nodes.put(a.id(), node);
            list.add(node);
        }
        List<Edge> edges = new ArrayList<>();
        for (Relation relation : relations) {
            Node from = nodes.get(relation.fromId());
            Node to = nodes.get(relation.toId());
            if (from != null && to != null) {
                edges.add(new Edge(from.x(), from.y(), to.x(), to.y(), relation.kind().name()));
            }
        }
        return new Drawing(list, edges);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
