package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code ground-truth.json}: every seeded record and whether (and how) it was made dishonest. Written outside the
 * chain so tests can score detection; the format is fixed by DESIGN.md section 5.
 */
public record GroundTruth(List<Entry> records) {

    public record Entry(String id, boolean honest, Fault fault) {
        public Entry {
            if (honest != (fault == null)) {
                throw new IllegalArgumentException("record " + id + ": honest records have no fault, dishonest ones one");
            }
        }
    }

    public GroundTruth {
        records = List.copyOf(records);
    }

    public long dishonestCount() {
        return records.stream().filter(e -> !e.honest()).count();
    }

    public void write(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static GroundTruth read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), GroundTruth.class);
    }
}
