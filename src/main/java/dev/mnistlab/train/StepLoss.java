package dev.mnistlab.train;

/**
 * Records the training loss of one optimizer step, as sampled every {@code --log-every} steps for
 * the study of mini-batch noise.
 *
 * @param step 1-based step number over the whole run
 * @param epoch 1-based epoch the step belongs to
 * @param loss the step's mini-batch loss
 */
public record StepLoss(long step, int epoch, double loss) {}
