package io.proofdesk.domain;

/**
 * The outcome of one check line inside a verdict. NOT_APPLICABLE: the check cannot apply to this kind of record (an
 * LLM's answer cannot be re-executed); the line says so and neither passes nor fails, so it leaves the verdict to the
 * other lines.
 */
public enum CheckStatus {
    PASS, FAIL, UNVERIFIED, ERROR, NOT_APPLICABLE
}
