package org.minga.territory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Splits units into groups joined by shared borders (breadth-first); one group means contiguous. */
final class ContiguousGroups {

    private ContiguousGroups() {
    }

    static List<List<String>> of(Collection<String> codes, List<Territory.Neighbours> neighbours) {
        Map<String, Set<String>> graph = new HashMap<>();
        codes.forEach(c -> graph.put(c, new LinkedHashSet<>()));
        for (Territory.Neighbours n : neighbours) {
            if (graph.containsKey(n.a()) && graph.containsKey(n.b())) {
                graph.get(n.a()).add(n.b());
                graph.get(n.b()).add(n.a());
            }
        }
        List<List<String>> groups = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String start : codes) {
            if (!visited.add(start)) {
                continue;
            }
            List<String> group = new ArrayList<>();
            ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String c = queue.poll();
                group.add(c);
                for (String next : graph.get(c)) {
                    if (visited.add(next)) {
                        queue.add(next);
                    }
                }
            }
            groups.add(List.copyOf(group));
        }
        return groups;
    }
}
