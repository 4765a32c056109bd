package io.proofdesk.cli;

import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;

/** The demo model a benchmark runs, by name (first version). */
final class BenchModels {

    private BenchModels() {
    }

    static ZooModel pick(String name) {
        return ModelZoo.standard().models().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new UserInputException("no demo model '" + name + "' (known: "
                        + ModelZoo.standard().models().stream().map(ZooModel::name).distinct().toList() + ")"));
    }
}
