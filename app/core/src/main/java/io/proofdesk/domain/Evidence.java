package io.proofdesk.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A record's chain evidence: its {@link EvidenceLevel} and one sentence saying what backs it ("receipt proved
 * against block 1234, linked to checkpoint 0 (genesis)", "agreed by 2 of 2 endpoints", "one endpoint, not proved").
 * Stored with the record, shown wherever the record is, carried into reports and bundles.
 */
public record Evidence(EvidenceLevel level, String detail) {

    /** The detail of a record synced from one endpoint without proofs. */
    public static final String ONE_ENDPOINT = "one endpoint, not proved";
    /** The detail of a record stored before Proofdesk recorded evidence (store schema 8 and older). */
    public static final String SYNCED_BEFORE_LEVELS = "synced before evidence levels: " + ONE_ENDPOINT;
    /** The detail of a report or bundle record written before Proofdesk recorded evidence. */
    public static final String NOT_RECORDED = "not recorded";
    /** The longest detail kept; a sentence, not a document. */
    public static final int MAX_DETAIL = 500;

    private static final Evidence SINGLE_ENDPOINT = new Evidence(EvidenceLevel.TRUSTED, ONE_ENDPOINT);
    private static final Evidence UNRECORDED = new Evidence(EvidenceLevel.TRUSTED, NOT_RECORDED);

    public Evidence {
        Objects.requireNonNull(level, "level");
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("evidence " + level + " needs a detail saying what backs it");
        }
        detail = detail.strip();
        if (detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("evidence detail of " + detail.length() + " characters, more than "
                    + MAX_DETAIL + ": " + detail.substring(0, 60) + "...");
        }
    }

    /** One endpoint's word, not proved: what a sync without proofs or a second source can claim. */
    public static Evidence trustedSingleEndpoint() {
        return SINGLE_ENDPOINT;
    }

    /** A report's or bundle's record from before evidence levels: read as TRUSTED, saying it was not recorded. */
    public static Evidence notRecorded() {
        return UNRECORDED;
    }

    /**
     * PROVED: "receipt proved against block {@code block}, linked to checkpoint {@code checkpoint}" and, when given,
     * the checkpoint's origin in brackets ("genesis", "pinned by the user").
     */
    public static Evidence proved(long block, long checkpoint, String checkpointOrigin) {
        return new Evidence(EvidenceLevel.PROVED, "receipt proved against block " + block + ", linked to checkpoint "
                + checkpoint + (checkpointOrigin == null || checkpointOrigin.isBlank() ? ""
                : " (" + checkpointOrigin.strip() + ")"));
    }

    /** AGREED: "agreed by {@code agreeing} of {@code asked} endpoints". */
    public static Evidence agreed(int agreeing, int asked) {
        if (agreeing < 2 || agreeing > asked) {
            throw new IllegalArgumentException("agreement needs at least 2 sources and no more than were asked: "
                    + agreeing + " of " + asked);
        }
        return new Evidence(EvidenceLevel.AGREED, "agreed by " + agreeing + " of " + asked + " endpoints");
    }

    /**
     * AGREED by endpoints and block explorers together: "agreed by {@code agreeing} of {@code asked} sources
     * ({@code endpoints} endpoint(s), {@code explorers} explorer(s))", or {@link #agreed(int, int)}'s sentence when no
     * explorer was asked.
     */
    public static Evidence agreed(int agreeing, int endpoints, int explorers) {
        if (explorers == 0) {
            return agreed(agreeing, endpoints);
        }
        int asked = endpoints + explorers;
        if (agreeing < 2 || agreeing > asked) {
            throw new IllegalArgumentException("agreement needs at least 2 sources and no more than were asked: "
                    + agreeing + " of " + asked);
        }
        return new Evidence(EvidenceLevel.AGREED, "agreed by " + agreeing + " of " + asked + " sources (" + endpoints
                + (endpoints == 1 ? " endpoint, " : " endpoints, ") + explorers
                + (explorers == 1 ? " block explorer)" : " block explorers)"));
    }

    /**
     * What must be said beside a verdict of this record: for TRUSTED evidence, {@link #ONE_ENDPOINT} (so "VERIFIED ·
     * one endpoint, not proved"); nothing for stronger evidence.
     */
    public Optional<String> verdictQualifier() {
        return level == EvidenceLevel.TRUSTED ? Optional.of(ONE_ENDPOINT) : Optional.empty();
    }

    /**
     * A verdict as plain text with the weaker evidence beside it: "VERIFIED (one endpoint, not proved)" for TRUSTED
     * evidence, the verdict alone otherwise.
     */
    public String qualify(String verdict) {
        return verdict + verdictQualifier().map(q -> " (" + q + ")").orElse("");
    }

    /** "LEVEL - detail", as the command line prints it (ASCII, whatever the terminal's encoding). */
    public String describe() {
        return level + " - " + detail;
    }
}
