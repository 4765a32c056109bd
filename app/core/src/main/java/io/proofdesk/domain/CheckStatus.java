package io.proofdesk.domain;

/** The outcome of one check line inside a verdict. */
public enum CheckStatus {
    PASS, FAIL, UNVERIFIED, ERROR
}
