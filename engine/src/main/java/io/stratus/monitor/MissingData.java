package io.stratus.monitor;

/** How an alarm treats a period with no datapoint (CloudWatch's TreatMissingData). */
public enum MissingData {
    /** Missing stays missing: if every datapoint of the window is missing, INSUFFICIENT_DATA. */
    MISSING,
    /** Counts as breaching. */
    BREACHING,
    /** Counts as not breaching. */
    NOT_BREACHING,
    /** Skipped: the window keeps the earlier datapoints and the state does not change. */
    IGNORE
}
