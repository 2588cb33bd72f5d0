/**
 * Reports of a run: the summary table printed to the terminal, {@code summary.json} (simulated
 * results only, byte-identical for the same scenario and seed) and {@code timing.json} (wall
 * time and speed), each written atomically.
 */
package io.stratus.report;
