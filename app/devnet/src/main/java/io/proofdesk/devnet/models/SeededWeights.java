package io.proofdesk.devnet.models;

import java.util.SplittableRandom;

/**
 * Weights drawn from a {@link SplittableRandom}, whose algorithm (SplitMix64) is specified, so a seed gives the
 * same numbers on every JDK. Uniform draws only: {@code nextGaussian} is not pinned down across JDK releases.
 */
final class SeededWeights {

    private final SplittableRandom random;

    SeededWeights(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Glorot/Xavier uniform: U(-a, a), a = sqrt(6 / (fanIn + fanOut)); keeps activations in a sensible range. */
    float[] xavier(int count, int fanIn, int fanOut) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[count];
        for (int i = 0; i < count; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * a);
        }
        return w;
    }

    float[] uniform(int count, double halfWidth) {
        float[] w = new float[count];
        for (int i = 0; i < count; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * halfWidth);
        }
        return w;
    }

    double[] uniformDoubles(int count, double halfWidth) {
        double[] w = new double[count];
        for (int i = 0; i < count; i++) {
            w[i] = (random.nextDouble() * 2 - 1) * halfWidth;
        }
        return w;
    }
}
