package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the execution-duration table of the Azure Functions trace 2019
 * ({@code function_durations_percentiles.anon.dNN.csv}, or the invitro sample {@code durations.csv}):
 * the header {@code HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,
 * percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,
 * percentile_Average_75,percentile_Average_99,percentile_Average_100}, then one
 * {@link FunctionDurations} per function (milliseconds). See {@link FunctionDurations} for what the
 * percentile columns mean (percentiles of per-interval averages, not of single invocations).
 *
 * <p>The header is required and checked column by column. Checks: 14 fields per row; times are
 * finite and not negative; the count is a non-negative integer; the percentiles do not decrease.
 */
public final class AzureFunctionDurationsReader extends LineTraceReader<FunctionDurations> {

    static final String[] HEADER = {"HashOwner", "HashApp", "HashFunction", "Average", "Count", "Minimum",
        "Maximum", "percentile_Average_0", "percentile_Average_1", "percentile_Average_25",
        "percentile_Average_50", "percentile_Average_75", "percentile_Average_99", "percentile_Average_100"};

    private static final int FIRST_PERCENTILE = 7;

    private final double[] percentiles = new double[FunctionDurations.PERCENTILES];
    private boolean headerSeen;

    public AzureFunctionDurationsReader(Path file) throws IOException {
        super(file, LineCursor.delimited(file, ','), '\0');
    }

    @Override
    protected FunctionDurations parse() throws IOException {
        if (!headerSeen) {
            readHeader();
            headerSeen = true;
            return null;
        }
        cursor.requireFields(HEADER.length);
        for (int k = 0; k < percentiles.length; k++) {
            percentiles[k] = cursor.nonNegativeDoubleAt(FIRST_PERCENTILE + k, HEADER[FIRST_PERCENTILE + k]);
            if (k > 0 && percentiles[k] < percentiles[k - 1]) {
                throw cursor.badField(FIRST_PERCENTILE + k, HEADER[FIRST_PERCENTILE + k],
                        "smaller than " + HEADER[FIRST_PERCENTILE + k - 1] + " (" + percentiles[k - 1]
                                + "): percentiles must not decrease");
            }
        }
        return new FunctionDurations(cursor.text(0), cursor.text(1), cursor.text(2),
                cursor.nonNegativeDoubleAt(3, "Average"), cursor.nonNegativeLongAt(4, "Count"),
                cursor.nonNegativeDoubleAt(5, "Minimum"), cursor.nonNegativeDoubleAt(6, "Maximum"), percentiles);
    }

    private void readHeader() throws TraceFormatException {
        int fields = cursor.fieldCount();
        for (int i = 0; i < HEADER.length; i++) {
            if (i >= fields || !cursor.text(i).equalsIgnoreCase(HEADER[i])) {
                throw cursor.error(i, "header column " + (i + 1) + " is "
                        + (i >= fields ? "missing" : TraceFormatException.quoteIf(i > 0, cursor.text(i))) + ", expected \"" + HEADER[i]
                        + "\" (the header " + String.join(",", HEADER) + " is required)");
            }
        }
        cursor.requireFields(HEADER.length);
    }
}
