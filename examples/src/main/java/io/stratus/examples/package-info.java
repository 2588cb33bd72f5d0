/**
 * Small programs that use the engine from Java, each runnable with {@code java -cp
 * examples/target/examples.jar io.stratus.examples.NAME} and each run by {@code mvn verify}
 * ({@code ExamplesTest}): {@link io.stratus.examples.BuildASimulation} (a café built in code),
 * {@link io.stratus.examples.CustomPlacement} (a placement policy of your own),
 * {@link io.stratus.examples.CustomScaling} (a scaling policy of your own) and
 * {@link io.stratus.examples.ReadATrace} (a bundled request trace read and replayed). Each prints
 * what it found and returns it, so the tests can check the numbers against an oracle.
 */
package io.stratus.examples;
