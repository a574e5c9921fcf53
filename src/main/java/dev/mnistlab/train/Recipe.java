package dev.mnistlab.train;

import dev.mnistlab.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names a whole training setup a user can run in one line, {@code mnist-lab train --recipe NAME}:
 * the network and every setting that differs from {@code train}'s defaults. Flags given beside a
 * recipe win over it, so a recipe is a starting point, not a lock.
 *
 * <p>Both were chosen on validation accuracy (README, "Recipes"); the figures quoted in their
 * summaries are the test accuracies measured afterwards, each over several seeds.
 *
 * @param cliName the name {@code --recipe} takes
 * @param summary one line on what it is for
 * @param model the layer spec
 * @param epochs passes over the training images
 * @param batchSize images per step
 * @param lr the base (for one-cycle: the peak) learning rate of Adam
 * @param beta1 Adam's first moment decay
 * @param beta2 Adam's second moment decay
 * @param schedule the learning-rate schedule
 * @param normalize whether pixels are standardised with MNIST's mean and std
 * @param valSize images held out for validation; 0 trains on all 60,000
 * @param augment the augmentation spec, {@code none} for none
 * @param labelSmoothing label smoothing, 0 for none
 * @param ema weight-average decay, 0 for none
 */
public record Recipe(
    String cliName,
    String summary,
    String model,
    int epochs,
    int batchSize,
    double lr,
    double beta1,
    double beta2,
    ScheduleKind schedule,
    boolean normalize,
    int valSize,
    String augment,
    double labelSmoothing,
    double ema) {

  /**
   * The quickest setup found to reach 99.0% test accuracy: one epoch of a 2-convolution network
   * after train_mnist_fast (Tuomas Oikarinen): pooling before ReLU, Adam with betas 0.7 and 0.9 at
   * a one-cycle peak of 0.01, batch 256, all 60,000 images.
   */
  public static final Recipe FAST =
      new Recipe(
          "fast",
          "one epoch of a small CNN, the quickest setup found to reach 99.0% test accuracy",
          "conv2d(24,5),maxpool(2),relu,conv2d(32,3),maxpool(2),relu,flatten,linear(256),relu,"
              + "linear(10)",
          1,
          128,
          0.01,
          0.7,
          0.9,
          ScheduleKind.ONECYCLE,
          true,
          0,
          "none",
          0,
          0);

  /**
   * The recommended CNN: three convolution blocks with batch norm, trained 20 epochs on augmented
   * images with a one-cycle schedule, label smoothing and a weight average.
   */
  public static final Recipe RECOMMENDED =
      new Recipe(
          "recommended",
          "three conv blocks with batch norm, augmentation, one-cycle, label smoothing and a"
              + " weight average: the most accurate single network here",
          "conv2d(32,3,1,1),batchnorm,relu,maxpool(2),conv2d(64,3,1,1),batchnorm,relu,"
              + "maxpool(2),conv2d(128,3,1,1),batchnorm,relu,maxpool(2),flatten,linear(128),"
              + "relu,dropout(0.3),linear(10)",
          20,
          128,
          3e-3,
          0.9,
          0.999,
          ScheduleKind.ONECYCLE,
          true,
          5000,
          "rotate=10,shift=2,scale=0.1",
          0.1,
          0.999);

  private static final Recipe[] ALL = {FAST, RECOMMENDED};

  /** Returns the recipe called {@code name} (any case), or fails naming the allowed ones. */
  public static Recipe parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Recipe r : ALL) {
      if (r.cliName.equals(n)) {
        return r;
      }
    }
    throw new InvalidInputException("unknown recipe '" + name + "': allowed are " + allowedNames());
  }

  /** Returns the names {@code --recipe} takes, comma separated. */
  public static String allowedNames() {
    return Arrays.stream(ALL).map(Recipe::cliName).collect(Collectors.joining(", "));
  }

  /** Returns every recipe, in the order the help lists them. */
  public static List<Recipe> all() {
    return List.of(ALL);
  }

  /** Returns Adam's betas as {@code train --betas} takes them. */
  public String betas() {
    return beta1 + "," + beta2;
  }
}
