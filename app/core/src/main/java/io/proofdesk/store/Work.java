package io.proofdesk.store;

/** Work done inside one store transaction that yields nothing; X lets callers throw their own checked exception. */
@FunctionalInterface
public interface Work<X extends Exception> {
    void run(Transaction tx) throws X;
}
