/**
 * The {@code stratus} command line (picocli): one class per subcommand, shared options as
 * mixins, exit codes 0 done, 1 simulation failed, 2 bad input.
 */
package io.stratus.cli;
