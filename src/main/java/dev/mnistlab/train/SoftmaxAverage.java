package dev.mnistlab.train;

import dev.mnistlab.InvalidInputException;
import java.util.List;

/**
 * Averages class probabilities (of several models, or of several views of each image) and scores
 * them against labels: the ensemble of Hansen and Salamon 1990, "Neural network ensembles", in its
 * plainest form, every member weighted alike.
 *
 * <p>Probabilities are given as one row per image, one column per class. Stateless.
 */
public final class SoftmaxAverage {
  /**
   * The smallest probability a log is taken of, so that a confident mistake costs 27.6, not inf.
   */
  static final double FLOOR = 1e-12;

  private SoftmaxAverage() {}

  /**
   * Returns the mean of {@code members}' probabilities, image by image and class by class.
   *
   * @throws IllegalArgumentException when there are none, or they differ in images or classes
   */
  public static float[][] mean(List<float[][]> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an average needs at least one member");
    }
    int images = members.get(0).length;
    int classes = images == 0 ? 0 : members.get(0)[0].length;
    double[][] sum = new double[images][classes];
    for (float[][] member : members) {
      if (member.length != images) {
        throw new IllegalArgumentException(
            "members must score the same images: " + images + " and " + member.length);
      }
      for (int i = 0; i < images; i++) {
        if (member[i].length != classes) {
          throw new IllegalArgumentException(
              "members must score the same classes: " + classes + " and " + member[i].length);
        }
        for (int k = 0; k < classes; k++) {
          sum[i][k] += member[i][k];
        }
      }
    }
    float[][] mean = new float[images][classes];
    for (int i = 0; i < images; i++) {
      for (int k = 0; k < classes; k++) {
        mean[i][k] = (float) (sum[i][k] / members.size());
      }
    }
    return mean;
  }

  /**
   * Returns the mean negative log probability of the true class (the cross-entropy of these
   * probabilities) and the fraction of images whose most probable class is the true one (the lowest
   * class on a tie); {@link Evaluation#NONE} for no images.
   *
   * @throws InvalidInputException when a label is not one of the classes
   */
  public static Evaluation evaluate(float[][] probabilities, int[] labels) {
    if (probabilities.length != labels.length) {
      throw new IllegalArgumentException(
          probabilities.length + " rows of probabilities for " + labels.length + " labels");
    }
    if (labels.length == 0) {
      return Evaluation.NONE;
    }
    double loss = 0;
    long correct = 0;
    for (int i = 0; i < labels.length; i++) {
      float[] p = probabilities[i];
      int label = labels[i];
      if (label < 0 || label >= p.length) {
        throw new InvalidInputException(
            "label "
                + label
                + " of image "
                + i
                + " is not one of the model's "
                + p.length
                + " classes");
      }
      loss -= Math.log(Math.max(p[label], FLOOR));
      if (argMax(p) == label) {
        correct++;
      }
    }
    return new Evaluation(loss / labels.length, (double) correct / labels.length);
  }

  /** Returns the index of the largest value, the lowest one on a tie. */
  public static int argMax(float[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}
