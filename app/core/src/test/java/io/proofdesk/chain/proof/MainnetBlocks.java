package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Real mainnet block objects committed under resources/mainnet-blocks (sources in its README). */
final class MainnetBlocks {
    static final String[] ALL = {
        "mainnet-2000004-frontier.json", "mainnet-2924874-frontier.json", "mainnet-14151203-london.json",
        "mainnet-15571241-london.json", "mainnet-18722845-shanghai.json", "mainnet-20013090-cancun.json",
        "mainnet-20013091-cancun.json", "mainnet-20013092-cancun.json", "mainnet-23094898-prague.json",
        "mainnet-23182607-prague.json",
    };
    /** Blocks whose JSON holds every transaction as an object, so the transactions root can be rebuilt. */
    static final String[] WITH_FULL_TRANSACTIONS = {
        "mainnet-2000004-frontier.json", "mainnet-2924874-frontier.json", "mainnet-14151203-london.json",
        "mainnet-15571241-london.json",
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private MainnetBlocks() {
    }

    static JsonNode load(String name) {
        try (InputStream in = MainnetBlocks.class.getResourceAsStream("/mainnet-blocks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource mainnet-blocks/" + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
