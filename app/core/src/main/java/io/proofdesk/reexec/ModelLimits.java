package io.proofdesk.reexec;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

/**
 * Caps on what a model may make Proofdesk do, so a hostile file cannot make it allocate or run without bound. Before
 * ONNX Runtime sees a model: its file size, and the bytes of every tensor whose size can be worked out from the file
 * (inputs, weights, outputs and intermediate values; see {@link TensorSizeCheck}). While it runs: the time a run may
 * take and the memory the process may gain during it (see {@link RunGuard}).
 *
 * <p>Users set the last three in {@value #FILE_NAME} in the data folder (the desktop and the CLI read it) or with the
 * CLI's {@code --max-tensor-mib}, {@code --max-run-seconds} and {@code --max-run-mib}.
 */
public record ModelLimits(long maxFileBytes, long maxTensorBytes, Duration maxRunTime, long maxRunMemoryBytes) {

    public static final String FILE_NAME = "limits.properties";
    public static final String TENSOR_KEY = "reexec.maxTensorMiB";
    public static final String RUN_TIME_KEY = "reexec.maxRunSeconds";
    public static final String RUN_MEMORY_KEY = "reexec.maxRunMiB";
    private static final Set<String> KEYS = Set.of(TENSOR_KEY, RUN_TIME_KEY, RUN_MEMORY_KEY);
    private static final long MIB = 1L << 20;
    private static final int MAX_FILE_BYTES = 64 * 1024;

    /** 512 MiB files; 256 MiB per tensor; a run may take 60 s and grow the process by 2 GiB. */
    public static final ModelLimits DEFAULT = new ModelLimits(512 * MIB, 256 * MIB, Duration.ofSeconds(60), 2048 * MIB);

    public ModelLimits {
        if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the model file limit must be 1 byte to 2 GiB, was " + maxFileBytes);
        }
        if (maxTensorBytes <= 0) {
            throw new IllegalArgumentException("the tensor size limit must be positive, was " + maxTensorBytes);
        }
        if (maxRunTime == null || maxRunTime.isNegative() || maxRunTime.isZero()) {
            throw new IllegalArgumentException("the run time limit must be positive, was " + maxRunTime);
        }
        if (maxRunMemoryBytes <= 0) {
            throw new IllegalArgumentException("the run memory limit must be positive, was " + maxRunMemoryBytes);
        }
    }

    public ModelLimits withMaxFileBytes(long bytes) {
        return new ModelLimits(bytes, maxTensorBytes, maxRunTime, maxRunMemoryBytes);
    }

    public ModelLimits withMaxTensorBytes(long bytes) {
        return new ModelLimits(maxFileBytes, bytes, maxRunTime, maxRunMemoryBytes);
    }

    public ModelLimits withMaxRunTime(Duration time) {
        return new ModelLimits(maxFileBytes, maxTensorBytes, time, maxRunMemoryBytes);
    }

    public ModelLimits withMaxRunMemoryBytes(long bytes) {
        return new ModelLimits(maxFileBytes, maxTensorBytes, maxRunTime, bytes);
    }

    /**
     * The defaults overridden by the keys of {@value #FILE_NAME} in {@code dataFolder}, if it exists. Throws
     * {@link IllegalArgumentException} naming the file, key and value for anything it cannot use.
     */
    public static ModelLimits fromDataFolder(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return DEFAULT;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        ModelLimits limits = DEFAULT;
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown setting '" + key + "' (known: " + TENSOR_KEY
                        + ", " + RUN_TIME_KEY + ", " + RUN_MEMORY_KEY + ")");
            }
            long n = positive(file, key, p.getProperty(key));
            limits = switch (key) {
                case TENSOR_KEY -> limits.withMaxTensorBytes(mib(file, key, n));
                case RUN_TIME_KEY -> limits.withMaxRunTime(Duration.ofSeconds(n));
                default -> limits.withMaxRunMemoryBytes(mib(file, key, n));
            };
        }
        return limits;
    }

    /** {@code n} MiB in bytes; refuses sizes past what a long holds. */
    public static long mib(Object where, String what, long n) {
        if (n <= 0 || n > Long.MAX_VALUE / MIB) {
            throw new IllegalArgumentException(where + ": " + what + " must be 1 to " + Long.MAX_VALUE / MIB
                    + " MiB, was " + n);
        }
        return n * MIB;
    }

    private static long positive(Path file, String key, String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what was wrong
        }
        throw new IllegalArgumentException(file + ": " + key + " must be a positive whole number, was '" + value + "'");
    }

    /** A byte count as people read it: "256 MiB", "3.7 GiB", "512 bytes". */
    public static String bytesText(double bytes) {
        if (bytes >= (1L << 30)) {
            return unit(bytes / (1L << 30), "GiB");
        }
        if (bytes >= MIB) {
            return unit(bytes / MIB, "MiB");
        }
        return String.format(java.util.Locale.ROOT, "%.0f bytes", bytes);
    }

    private static String unit(double n, String unit) {
        return (n == Math.rint(n) ? String.format(java.util.Locale.ROOT, "%.0f", n)
                : String.format(java.util.Locale.ROOT, "%.1f", n)) + " " + unit;
    }
}
