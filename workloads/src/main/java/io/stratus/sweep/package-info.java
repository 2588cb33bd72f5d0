/**
 * Parameter sweeps with replications: the plan (Cartesian product of {@code --set} value lists
 * times replications, the seed of each replication, the slice a shard runs), the headline numbers
 * kept from each run, and the files a sweep or a merge of shards writes ({@code runs.csv},
 * {@code sweep.csv}, {@code sweep.md}, {@code sweep.json}). Running is the CLI's business
 * ({@code stratus sweep}, {@code stratus merge}); everything here is a pure function of its inputs.
 */
package io.stratus.sweep;
