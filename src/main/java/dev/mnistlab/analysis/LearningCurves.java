package dev.mnistlab.analysis;

import java.util.List;

/**
 * Holds one trial's learning curves over its repeats: per epoch, the mean and 95% band of
 * the mean training loss, the validation loss and the validation accuracy. Epoch k's band
 * covers the runs that reached epoch k.
 *
 * @param trial the trial's name
 * @param trainLoss by epoch (index 0 is epoch 1)
 * @param valLoss by epoch
 * @param valAccuracy by epoch
 */
public record LearningCurves(String trial, List<Band> trainLoss, List<Band> valLoss,
    List<Band> valAccuracy) {

  public LearningCurves {
    trainLoss = List.copyOf(trainLoss);
    valLoss = List.copyOf(valLoss);
    valAccuracy = List.copyOf(valAccuracy);
  }
}
