package io.proofdesk.reexec;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/**
 * How every re-execution session is configured. Fixed on purpose: one intra-op and one inter-op thread,
 * sequential execution and deterministic compute, so a run gives the same bits every time on a machine. The
 * optimisation level is ORT's own default ({@code ALL_OPT}), the level a node using ORT's defaults runs with.
 */
public record SessionSettings(OrtSession.SessionOptions.OptLevel optimisation) {

    public static final SessionSettings DETERMINISTIC = new SessionSettings(OrtSession.SessionOptions.OptLevel.ALL_OPT);

    /** The caller owns (and closes) the options. */
    OrtSession.SessionOptions toOptions() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setOptimizationLevel(optimisation);
            o.setDeterministicCompute(true);
            o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            return o;
        } catch (OrtException | RuntimeException e) {
            o.close();
            throw e;
        }
    }
}
