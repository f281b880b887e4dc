package org.minga.participation.internal.voting;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Schulze with 1,000,000 distinct ballots over 50 options (random complete or partial rankings,
 * fixed seed): times aggregation + strongest paths + ranking, one warm-up then five runs, prints
 * the median. Run by bench/participation/schulze.sh; arguments: ballots options runs.
 */
public final class SchulzeBench {

    public static void main(String[] args) {
        int voters = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> options = IntStream.range(0, n).mapToObj(i -> "P" + i).toList();
        SplittableRandom random = new SplittableRandom(20260707L);
        Ballots ballots = new Ballots(n);
        int[] all = IntStream.range(0, n).toArray();
        long complete = 0;
        for (int v = 0; v < voters; v++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            // half complete rankings, half partial (1..n-1 options)
            int length = random.nextBoolean() ? n : 1 + random.nextInt(n - 1);
            complete += length == n ? 1 : 0;
            ballots.add(Arrays.copyOf(all, length), 1);
        }
        System.out.printf("ballots %,d over %d options (%,d complete), %d processors%n", voters, n, complete,
                Runtime.getRuntime().availableProcessors());
        Result warm = Schulze.compute(options, ballots);
        System.out.println("warm-up: winners " + warm.winners());
        long[] times = new long[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            Result result = Schulze.compute(options, ballots);
            times[r] = System.nanoTime() - start;
            if (!result.winners().equals(warm.winners())) {
                throw new IllegalStateException("different result");
            }
            System.out.printf("run %d: %.0f ms%n", r + 1, times[r] / 1e6);
        }
        Arrays.sort(times);
        System.out.printf("median of %d: %.0f ms (min %.0f, max %.0f)%n", runs, times[runs / 2] / 1e6, times[0] / 1e6,
                times[runs - 1] / 1e6);
    }
}
