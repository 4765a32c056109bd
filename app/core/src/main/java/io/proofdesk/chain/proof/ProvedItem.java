package io.proofdesk.chain.proof;

/** What an inclusion proof proves to be in a block, and so which root of the header it is checked against. */
public enum ProvedItem {
    RECEIPT,
    TRANSACTION
}
