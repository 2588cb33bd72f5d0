package io.stratus.scenario;

import io.stratus.serverless.LambdaAccount;
import java.util.List;

/**
 * A scenario's Lambda functions and its account's concurrency limit ({@code lambda:}).
 *
 * @param accountConcurrency the account's concurrency limit in the region
 * @param functions          the functions, in file order
 */
public record FunctionsConfig(int accountConcurrency, List<FunctionConfig> functions) {

    /** No functions, the default limit. */
    public static final FunctionsConfig NONE = new FunctionsConfig(LambdaAccount.DEFAULT_LIMIT, List.of());

    public FunctionsConfig {
        functions = List.copyOf(functions);
    }
}
