/**
 * The engine's view of work: arrival processes, request rates over time, service demand, and
 * the source that turns them into request events.
 */
package io.stratus.workload;
