/**
 * Describes, checks and builds MNIST networks from a PyTorch-like spec.
 *
 * <p>Call order for a trial: {@link dev.mnistlab.model.ModelSpec#parse(String)} (throws {@link
 * dev.mnistlab.InvalidInputException} with one line for bad input), optionally {@link
 * dev.mnistlab.model.ModelSpec#describe()} and {@link dev.mnistlab.model.ModelSpec#lint()} for the
 * user, then {@link dev.mnistlab.model.ModelSpec#build()}, initialise the block with DJL for input
 * shape (1, 784), and finally {@link dev.mnistlab.model.Init#apply} with the trial's seed.
 */
package dev.mnistlab.model;
