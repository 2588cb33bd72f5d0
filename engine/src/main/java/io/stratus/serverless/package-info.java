/**
 * Serverless compute: AWS Lambda functions ({@link io.stratus.serverless.LambdaFunction}: memory,
 * architecture, cold starts, execution environments kept warm then reclaimed, account and reserved
 * concurrency with throttling, Provisioned Concurrency), the account's concurrency pool
 * ({@link io.stratus.serverless.LambdaAccount}) and an SQS event source that invokes a function
 * with batches ({@link io.stratus.serverless.QueueEventSource}). Invariants: a function never
 * runs more invocations at once than its concurrency limit allows; every invocation ends exactly
 * once; the pool never lends more than the account's unreserved concurrency. Billing is in
 * {@code io.stratus.pricing} ({@link io.stratus.pricing.LambdaCharges}); this package only
 * counts what is billed.
 */
package io.stratus.serverless;
