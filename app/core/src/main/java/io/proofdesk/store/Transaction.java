package io.proofdesk.store;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.VerdictRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One open store transaction, handed to a unit of work: the DAOs (one per table) and the few operations that
 * span tables. Valid only inside the unit of work that received it.
 */
public final class Transaction {

    private final boolean readOnly;
    private final MetaDao meta;
    private final EndpointDao endpoints;
    private final SyncCheckpointDao checkpoints;
    private final BlockHashDao blockHashes;
    private final TeeDao tees;
    private final TeeEventDao teeEvents;
    private final PcrApprovalDao pcrApprovals;
    private final ModelDao models;
    private final ModelVersionDao modelVersions;
    private final ModelFileDao modelFiles;
    private final InferenceDao inferences;
    private final TensorDao tensors;
    private final BlobDao blobs;
    private final VerdictDao verdicts;
    private final CheckResultDao checkResults;
    private final ReportDao reports;
    private final SyncNoteDao syncNotes;
    private final UnknownEventDao unknownEvents;
    private final StoreJson json;

    Transaction(StatementCache c, StoreJson json, boolean readOnly) {
        this.readOnly = readOnly;
        this.json = json;
        this.meta = new MetaDao(c);
        this.endpoints = new EndpointDao(c);
        this.checkpoints = new SyncCheckpointDao(c);
        this.blockHashes = new BlockHashDao(c);
        this.tees = new TeeDao(c);
        this.teeEvents = new TeeEventDao(c);
        this.pcrApprovals = new PcrApprovalDao(c);
        this.models = new ModelDao(c);
        this.modelVersions = new ModelVersionDao(c);
        this.modelFiles = new ModelFileDao(c);
        this.inferences = new InferenceDao(c, json);
        this.tensors = new TensorDao(c, json);
        this.blobs = new BlobDao(c);
        this.verdicts = new VerdictDao(c, json);
        this.checkResults = new CheckResultDao(c);
        this.reports = new ReportDao(c);
        this.syncNotes = new SyncNoteDao(c);
        this.unknownEvents = new UnknownEventDao(c, json);
    }

    /**
     * Saves verdicts as {@link #saveVerdict} does, in order, each statement run once as a JDBC batch for all of
     * them. Returns the first verdict's id (the others follow it by one each).
     */
    public long saveVerdicts(List<EncodedVerdict> all) {
        if (all.isEmpty()) {
            return 0;
        }
        long first = verdicts.insertAll(all);
        inferences.updateLatestVerdicts(all.stream().map(EncodedVerdict::verdict).toList());
        return first;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public MetaDao meta() {
        return meta;
    }

    public EndpointDao endpoints() {
        return endpoints;
    }

    public SyncCheckpointDao checkpoints() {
        return checkpoints;
    }

    public BlockHashDao blockHashes() {
        return blockHashes;
    }

    public TeeDao tees() {
        return tees;
    }

    public TeeEventDao teeEvents() {
        return teeEvents;
    }

    public PcrApprovalDao pcrApprovals() {
        return pcrApprovals;
    }

    public ModelDao models() {
        return models;
    }

    public ModelVersionDao modelVersions() {
        return modelVersions;
    }

    public ModelFileDao modelFiles() {
        return modelFiles;
    }

    public InferenceDao inferences() {
        return inferences;
    }

    public TensorDao tensors() {
        return tensors;
    }

    public BlobDao blobs() {
        return blobs;
    }

    public VerdictDao verdicts() {
        return verdicts;
    }

    public CheckResultDao checkResults() {
        return checkResults;
    }

    public ReportDao reports() {
        return reports;
    }

    public SyncNoteDao syncNotes() {
        return syncNotes;
    }

    public UnknownEventDao unknownEvents() {
        return unknownEvents;
    }

    /**
     * Stores inferences with their tensors; ids already stored are skipped entirely (idempotent, verdicts kept).
     * Returns how many were new. For sync, call once per chunk together with the chunk's checkpoint.
     */
    public int saveInferences(Collection<Inference> records) {
        List<Inference> inserted = inferences.insertAll(records);
        tensors.insertFor(inserted);
        return inserted.size();
    }

    /** An inference with its input and output tensors. */
    public Optional<Inference> loadInference(RecordId id) {
        return inferences.find(id).map(i -> {
            TensorDao.InputsAndOutputs io = tensors.load(id);
            return i.withTensors(io.inputs(), io.outputs());
        });
    }

    /**
     * Stores a verdict with its checks and makes it the inference's listed verdict unless a newer one is there.
     * Returns the verdict's id. The inference must be stored.
     */
    public long saveVerdict(VerdictRecord v) {
        return saveVerdicts(List.of(EncodedVerdict.of(v, json)));
    }

    /** The latest verdict of an inference with its checks. */
    public Optional<VerdictRecord> latestVerdict(RecordId id) {
        return verdicts.latestWithChecks(id).map(StoredVerdict::verdict);
    }

    /** Every verdict of an inference with its checks, oldest first. */
    public List<VerdictRecord> verdictHistory(RecordId id) {
        return verdicts.history(id).stream().map(StoredVerdict::verdict).toList();
    }

    /**
     * Undoes everything learnt from blocks at or after {@code block} (a reorg): inferences (with tensors and
     * verdicts), TEE events, PCR approvals/revocations, logs of unknown event versions, block hashes, and checkpoints
     * past it. The tees table holds
     * current state and is not rewound; the sync re-reads affected TEEs.
     */
    public void rollbackFromBlock(long block) {
        inferences.deleteFromBlock(block);
        teeEvents.deleteFromBlock(block);
        unknownEvents.deleteFromBlock(block);
        pcrApprovals.deleteFromBlock(block);
        blockHashes.deleteFrom(block);
        checkpoints.rewindTo(block);
    }
}
