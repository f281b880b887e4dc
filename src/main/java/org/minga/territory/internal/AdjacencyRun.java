package org.minga.territory.internal;

/** How many neighbour pairs a group has, and the milliseconds spent reading, computing and writing. */
public record AdjacencyRun(int pairs, long readMillis, long computeMillis, long writeMillis) {
}
