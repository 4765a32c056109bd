package io.proofdesk.devnet.models;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.Dim;
import io.proofdesk.reexec.TensorSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded inputs that look like what each kind of model would be given. Values are rounded to a few decimals, as
 * a user's input written on chain in fixed point would be, so they survive the fixed-point round trip exactly.
 */
final class SampleInputs {

    Map<String, Tensor> forModel(ZooModel model, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (TensorSpec spec : model.inputs()) {
            long[] shape = concreteShape(spec);
            int n = (int) Tensor.elementCount(shape);
            double[] values = switch (model.kind()) {
                case IMAGE_CLASSIFIER -> image(random, (int) shape[shape.length - 2], (int) shape[shape.length - 1]);
                case SEQUENCE_CLASSIFIER -> sensorWindow(random, (int) shape[0], (int) shape[shape.length - 1]);
                case TABULAR_CLASSIFIER, REGRESSION -> features(random, n);
            };
            inputs.put(spec.name(), spec.type() == DType.DOUBLE ? Tensor.ofDoubles(spec.name(), shape, values)
                    : Tensor.ofFloats(spec.name(), shape, toFloats(values)));
        }
        return inputs;
    }

    /** Symbolic dimensions (a batch) become 1. */
    private static long[] concreteShape(TensorSpec spec) {
        return spec.shape().stream().mapToLong(d -> d instanceof Dim.Fixed(long size) ? size : 1).toArray();
    }

    /** Standardised tabular features: roughly normal (sum of three uniforms), 3 decimals. */
    private static double[] features(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = round((r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) * 2, 3);
        }
        return v;
    }

    /** A dark 28x28 field with a stroke and one or two soft blobs, intensities 0..1 with 2 decimals. */
    private static double[] image(SplittableRandom r, int h, int w) {
        double[] px = new double[h * w];
        double x0 = 6 + r.nextDouble() * 16;
        double y0 = 4 + r.nextDouble() * 6;
        double x1 = 6 + r.nextDouble() * 16;
        double y1 = 18 + r.nextDouble() * 6;
        int blobs = 1 + r.nextInt(2);
        double[][] centres = new double[blobs][];
        for (int b = 0; b < blobs; b++) {
            centres[b] = new double[] {6 + r.nextDouble() * 16, 6 + r.nextDouble() * 16, 1.5 + r.nextDouble() * 2.5};
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = Math.exp(-Math.pow(segmentDistance(x, y, x0, y0, x1, y1), 2) / 2.0);
                for (double[] c : centres) {
                    double d2 = (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]);
                    v = Math.max(v, Math.exp(-d2 / (2 * c[2] * c[2])));
                }
                v += r.nextDouble() * 0.05;
                px[y * w + x] = round(Math.min(1, v), 2);
            }
        }
        return px;
    }

    /** Sinusoids per channel with noise; sometimes a drift or a spike, the classes the GRU model names. */
    private static double[] sensorWindow(SplittableRandom r, int steps, int channels) {
        double[] v = new double[steps * channels];
        double drift = r.nextInt(3) == 0 ? 0.15 : 0;
        int spikeAt = r.nextInt(3) == 0 ? r.nextInt(steps) : -1;
        for (int c = 0; c < channels; c++) {
            double freq = 0.3 + r.nextDouble() * 0.9;
            double phase = r.nextDouble() * Math.PI * 2;
            for (int t = 0; t < steps; t++) {
                double x = Math.sin(freq * t + phase) + drift * t + (r.nextDouble() - 0.5) * 0.1;
                if (t == spikeAt) {
                    x += 3;
                }
                v[t * channels + c] = round(x, 3);
            }
        }
        return v;
    }

    private static double segmentDistance(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
