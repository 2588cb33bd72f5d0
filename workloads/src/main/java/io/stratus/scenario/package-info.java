/**
 * Scenario files: the YAML format, its loading with precise error positions, validation that
 * collects every problem before anything runs, and the runner that builds the engine's model
 * from a scenario.
 */
package io.stratus.scenario;
