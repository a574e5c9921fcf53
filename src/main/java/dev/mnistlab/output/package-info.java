/**
 * Writes what the user asked for (result files, saved models, reports) so that nothing is lost or
 * left half-written.
 *
 * <p>{@link dev.mnistlab.output.OutputChecks} checks a path before a long run starts; {@link
 * dev.mnistlab.output.OutputFile} writes one file (atomically for a regular file, in place for a
 * device or pipe, through a link to its target); {@link dev.mnistlab.output.OutputDirectory} builds
 * a directory of files beside its target and moves them in once all are written. Any package may
 * use this one; it uses none of the project's others but the root.
 */
package dev.mnistlab.output;
