package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a day of the Azure Functions trace 2019 ({@code invocations_per_function_md.anon.dNN.csv},
 * or the invitro samples in that format): a header {@code HashOwner,HashApp,HashFunction,Trigger,1,
 * 2,...,N} naming the minutes (1440 for a full day), then one {@link FunctionInvocations} per
 * function: its hashes, trigger and one count per minute.
 *
 * <p>The header is required, since it fixes the number of minutes; its minute columns must be
 * numbered 1 to N. Checks: every row has 4 + N fields; counts are non-negative integers. The
 * functions are independent series, not time-ordered records: each record is a whole day of one
 * function.
 */
public final class AzureFunctionsReader extends LineTraceReader<FunctionInvocations> {

    private static final String[] KEYS = {"HashOwner", "HashApp", "HashFunction", "Trigger"};

    private int minutes = -1; // until the header is read
    private int[] counts;

    public AzureFunctionsReader(Path file) throws IOException {
        super(file, LineCursor.delimited(file, ','), '\0');
    }

    /** The number of minutes the header names, or -1 before it is read. */
    public int minutes() {
        return minutes;
    }

    @Override
    protected FunctionInvocations parse() throws IOException {
        if (minutes < 0) {
            readHeader();
            return null;
        }
        cursor.requireFields(KEYS.length + minutes);
        for (int k = 0; k < minutes; k++) {
            counts[k] = cursor.nonNegativeIntAt(KEYS.length + k, "invocations in minute " + (k + 1));
        }
        return new FunctionInvocations(cursor.text(0), cursor.text(1), cursor.text(2), cursor.text(3), counts);
    }

    private void readHeader() throws TraceFormatException {
        int fields = cursor.fieldCount();
        if (fields <= KEYS.length) {
            throw cursor.error("expected the header " + String.join(",", KEYS) + ",1,2,...: found "
                    + fields + " fields");
        }
        for (int i = 0; i < KEYS.length; i++) {
            if (!cursor.text(i).equalsIgnoreCase(KEYS[i])) {
                throw cursor.error(i, "header column " + (i + 1) + " is " + TraceFormatException.quoteIf(i > 0, cursor.text(i))
                        + ", expected \"" + KEYS[i] + "\" (the header is required)");
            }
        }
        for (int i = KEYS.length; i < fields; i++) {
            if (!cursor.fieldEquals(i, Integer.toString(i - KEYS.length + 1))) {
                throw cursor.error(i, "header column " + (i + 1) + " is " + TraceFormatException.quoteIf(true, cursor.text(i))
                        + ", expected minute " + (i - KEYS.length + 1));
            }
        }
        minutes = fields - KEYS.length;
        counts = new int[minutes];
    }
}
