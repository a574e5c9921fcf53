package dev.mnistlab.report;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.LearningCurves;
import java.util.List;
import java.util.function.Function;

/** Names the three panels of a curves chart and which curve each one draws. */
enum Metric {
  TRAIN_LOSS("Training loss", "loss", LearningCurves::trainLoss),
  VAL_LOSS("Validation loss", "loss", LearningCurves::valLoss),
  VAL_ACCURACY("Validation accuracy", "accuracy", LearningCurves::valAccuracy);

  private final String title;
  private final String axis;
  private final Function<LearningCurves, List<Band>> curve;

  Metric(String title, String axis, Function<LearningCurves, List<Band>> curve) {
    this.title = title;
    this.axis = axis;
    this.curve = curve;
  }

  /** Returns the panel's title, e.g. "Validation loss". */
  String title() {
    return title;
  }

  /** Returns the y axis's label. */
  String axis() {
    return axis;
  }

  /** Returns this metric's bands for {@code trial}, index 0 being epoch 1. */
  List<Band> of(LearningCurves trial) {
    return curve.apply(trial);
  }
}
