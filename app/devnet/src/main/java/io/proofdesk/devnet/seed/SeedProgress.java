package io.proofdesk.devnet.seed;

/** Where seeding reports how far it got; the CLI prints it, the desktop feeds a task's progress. */
@FunctionalInterface
public interface SeedProgress {
    void update(String phase, long done, long total);

    SeedProgress NONE = (phase, done, total) -> { };
}
