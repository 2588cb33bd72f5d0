/**
 * The scenario file format: the records a scenario file is read into, their section readers, and
 * the loader with precise error positions, which collects every problem before anything runs.
 * Nothing here runs a simulation: {@link io.stratus.run} builds the engine's model from a
 * {@link io.stratus.scenario.Scenario} and runs it.
 */
package io.stratus.scenario;
