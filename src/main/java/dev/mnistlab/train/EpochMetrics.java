package dev.mnistlab.train;

/**
 * Records what one epoch measured.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over every step of the epoch
 * @param trainLossLastBatch training loss of the epoch's last step alone
 * @param valLoss mean loss on the validation split after the epoch (NaN without one)
 * @param valAccuracy accuracy on the validation split after the epoch (NaN without one)
 * @param lr learning rate of the epoch's last step
 * @param seconds wall time of the epoch's training steps and validation
 * @param samplesPerSecond training images per second during the epoch's steps
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainLossLastBatch,
    double valLoss,
    double valAccuracy,
    double lr,
    double seconds,
    double samplesPerSecond) {}
