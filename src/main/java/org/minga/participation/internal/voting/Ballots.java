package org.minga.participation.internal.voting;

import java.util.Arrays;

/**
 * Ballots over options {@code 0..n-1}, stored flat: each ballot is a list of distinct option
 * indices (a ranking in order of preference, or an approval set) and a weight, the number of
 * voters who cast it. A million 50-option ballots take about 100 MB ({@code short} indices), so
 * clients should send identical ballots once with their count.
 */
public final class Ballots {

    private final int options;
    private short[] items = new short[1024];
    private int[] starts = new int[65];
    private long[] counts = new long[64];
    private int size;
    private int used;

    public Ballots(int options) {
        if (options < 1 || options > Short.MAX_VALUE) {
            throw new IllegalArgumentException("options: " + options);
        }
        this.options = options;
    }

    /** Adds a ballot; the indices must be distinct and within {@code 0..options-1}, the count at least 1. */
    public Ballots add(int[] ballot, long count) {
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count);
        }
        if (size == counts.length) {
            counts = Arrays.copyOf(counts, size * 2);
            starts = Arrays.copyOf(starts, size * 2 + 1);
        }
        if (used + ballot.length > items.length) {
            items = Arrays.copyOf(items, Math.max(items.length * 2, used + ballot.length));
        }
        boolean[] seen = new boolean[options];
        for (int option : ballot) {
            if (option < 0 || option >= options || seen[option]) {
                throw new IllegalArgumentException("option: " + option);
            }
            seen[option] = true;
            items[used++] = (short) option;
        }
        counts[size] = count;
        starts[++size] = used;
        return this;
    }

    public int options() {
        return options;
    }

    public int size() {
        return size;
    }

    /** The number of voters: the sum of the counts. */
    public long voters() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += counts[i];
        }
        return total;
    }

    long count(int ballot) {
        return counts[ballot];
    }

    int start(int ballot) {
        return starts[ballot];
    }

    int end(int ballot) {
        return starts[ballot + 1];
    }

    short[] items() {
        return items;
    }

    /** Votes per option: how many voters name it (approval), whatever its place. */
    long[] mentions() {
        long[] votes = new long[options];
        for (int b = 0; b < size; b++) {
            long c = counts[b];
            for (int k = starts[b]; k < starts[b + 1]; k++) {
                votes[items[k]] += c;
            }
        }
        return votes;
    }
}
