package io.proofdesk.store;

/** Work done inside one store transaction that yields a value; X lets callers throw their own checked exception. */
@FunctionalInterface
public interface UnitOfWork<T, X extends Exception> {
    T run(Transaction tx) throws X;
}
