package io.proofdesk.devnet.node;

import org.web3j.crypto.Hash;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Stands in for the hosted LLM behind a demo TEE gateway: the same prompt always gets the same short answer, made
 * of words picked by a generator seeded from the prompt's keccak256. What matters to the demo is not the text but
 * that it is deterministic, varied and signed.
 */
public final class DemoTextGenerator {

    private static final String[] WORDS = {"the", "model", "answer", "verified", "enclave", "attested", "signature",
            "record", "chain", "settled", "batch", "leaf", "root", "proof", "hash", "input", "output", "request",
            "response", "token", "network", "auditor", "honest", "node", "key", "registry", "block", "time"};

    private DemoTextGenerator() {
    }

    /** The answer to {@code prompt}: 8 to 23 words and a full stop. */
    public static String answer(String prompt) {
        byte[] h = Hash.sha3(prompt.getBytes(StandardCharsets.UTF_8));
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = seed << 8 | (h[i] & 0xff);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 8 + rnd.nextInt(16);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = WORDS[rnd.nextInt(WORDS.length)];
            sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        return sb.append('.').toString();
    }
}
