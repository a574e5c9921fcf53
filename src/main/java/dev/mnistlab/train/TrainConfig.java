package dev.mnistlab.train;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.AugmentSpec;

/**
 * Holds every setting of one training run, so that a stored result can be re-run exactly.
 *
 * <p>The compact constructor checks each rule and names the flag, the rule and the value. The model
 * spec is kept as text in its canonical form; the model package parses it.
 *
 * @param model the layer spec, e.g. {@code linear(64),relu,linear(10)}
 * @param epochs passes over the training split, at least 1
 * @param batchSize images per optimizer step, at least 1
 * @param lr the base learning rate, above 0
 * @param optimizer the update rule
 * @param momentum momentum of {@code momentum} and {@code nesterov}, in [0, 1)
 * @param weightDecay L2 penalty (decoupled for {@code adamw}), at least 0
 * @param beta1 Adam's first-moment decay, in [0, 1)
 * @param beta2 Adam's second-moment decay, in [0, 1)
 * @param schedule how the learning rate changes over the run
 * @param warmupEpochs epochs of linear warm-up, from 0 up to {@code epochs}
 * @param seed seeds weight initialisation, shuffling, dropout and a random validation split
 * @param threads intra-op threads for the engine, 0 meaning chosen automatically
 * @param earlyStop stop after this many epochs without a lower validation loss, 0 for never
 * @param trainLimit use only the first N training images, 0 for all
 * @param valSize images held out of the training set for validation
 * @param valSplit {@code last} (the last valSize images) or {@code random} (seeded)
 * @param normalize standardise pixels with MNIST's mean 0.1307 and std 0.3081
 * @param init weight initialisation scheme name
 * @param logEvery record the training loss of every Nth step
 * @param augment how training images are warped each epoch, in the canonical form of {@link
 *     AugmentSpec#text()}; {@code none} (also what a config stored without it reads as) for no
 *     augmentation
 * @param labelSmoothing the share of each training target spread evenly over all ten classes, in
 *     [0, 1); 0 (also what a config stored without it reads as) for plain cross-entropy. Only the
 *     training loss is smoothed; validation and test losses stay plain cross-entropy
 * @param ema the decay of an exponential moving average of the weights, updated after every step
 *     and evaluated on validation and test, in (0, 1); 0 (also what a config stored without it
 *     reads as) for none
 */
public record TrainConfig(
    String model,
    int epochs,
    int batchSize,
    double lr,
    OptimizerKind optimizer,
    double momentum,
    double weightDecay,
    double beta1,
    double beta2,
    ScheduleKind schedule,
    int warmupEpochs,
    long seed,
    int threads,
    int earlyStop,
    int trainLimit,
    int valSize,
    String valSplit,
    boolean normalize,
    String init,
    int logEvery,
    String augment,
    @JsonDeserialize(using = JsonFormat.NullAsZero.class) double labelSmoothing,
    @JsonDeserialize(using = JsonFormat.NullAsZero.class) double ema) {

  /** The seed's final network (trial 7), the default model. */
  public static final String DEFAULT_MODEL = "linear(512),relu,linear(256),relu,linear(10)";

  /**
   * The most engine threads a run may ask for: far more than any gain (beyond the core count
   * threads only wait), and below where the engine's thread pool crashes the process (4,096 threads
   * ended in a segmentation fault on a 2-core machine; 1,024 ran).
   */
  public static final int MAX_THREADS = 1024;

  public TrainConfig {
    require(model != null && !model.isBlank(), "--model must not be empty");
    require(epochs >= 1, "epochs must be >= 1, got " + epochs);
    require(batchSize >= 1, "batch size must be >= 1, got " + batchSize);
    require(lr > 0 && Double.isFinite(lr), "learning rate must be > 0, got " + lr);
    require(optimizer != null, "optimizer must be given");
    require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
    require(
        weightDecay >= 0 && Double.isFinite(weightDecay),
        "weight decay must be >= 0, got " + weightDecay);
    require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
    require(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
    require(schedule != null, "schedule must be given");
    require(
        warmupEpochs >= 0 && warmupEpochs <= epochs,
        "warm-up epochs must be between 0 and epochs (" + epochs + "), got " + warmupEpochs);
    require(
        threads >= 0 && threads <= MAX_THREADS,
        "threads must be between 0 (chosen "
            + "automatically) and "
            + MAX_THREADS
            + ", got "
            + threads);
    require(earlyStop >= 0, "early-stop patience must be >= 0 (0 disables it), got " + earlyStop);
    require(trainLimit >= 0, "train limit must be >= 0 (0 uses all images), got " + trainLimit);
    require(valSize >= 0, "validation size must be >= 0, got " + valSize);
    require(
        "last".equals(valSplit) || "random".equals(valSplit),
        "validation split must be 'last' or 'random', got '" + valSplit + "'");
    require(init != null && !init.isBlank(), "--init must not be empty");
    require(logEvery >= 1, "log-every must be >= 1, got " + logEvery);
    // Results stored before augmentation existed have no such key: they trained without it.
    augment = AugmentSpec.parse(augment).text();
    require(
        labelSmoothing >= 0 && labelSmoothing < 1,
        "label smoothing must be >= 0 and < 1, got " + labelSmoothing);
    require(
        ema == 0 || ema > 0 && ema < 1,
        "EMA decay must be > 0 and < 1 (or 0 for none), got " + ema);
  }

  /** Creates a config without label smoothing or a weight average. */
  public TrainConfig(
      String model,
      int epochs,
      int batchSize,
      double lr,
      OptimizerKind optimizer,
      double momentum,
      double weightDecay,
      double beta1,
      double beta2,
      ScheduleKind schedule,
      int warmupEpochs,
      long seed,
      int threads,
      int earlyStop,
      int trainLimit,
      int valSize,
      String valSplit,
      boolean normalize,
      String init,
      int logEvery,
      String augment) {
    this(
        model,
        epochs,
        batchSize,
        lr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        seed,
        threads,
        earlyStop,
        trainLimit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        augment,
        0,
        0);
  }

  /** Creates a config that trains without augmentation. */
  public TrainConfig(
      String model,
      int epochs,
      int batchSize,
      double lr,
      OptimizerKind optimizer,
      double momentum,
      double weightDecay,
      double beta1,
      double beta2,
      ScheduleKind schedule,
      int warmupEpochs,
      long seed,
      int threads,
      int earlyStop,
      int trainLimit,
      int valSize,
      String valSplit,
      boolean normalize,
      String init,
      int logEvery) {
    this(
        model,
        epochs,
        batchSize,
        lr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        seed,
        threads,
        earlyStop,
        trainLimit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        AugmentSpec.NONE_TEXT);
  }

  /** Returns whether training images are augmented. */
  public boolean augments() {
    return !augment.equals(AugmentSpec.NONE_TEXT);
  }

  /** Returns the augmentation this config asks for. */
  public AugmentSpec augmentSpec() {
    return AugmentSpec.parse(augment);
  }

  /** Returns the defaults of {@code mnist-lab train}: the seed's trial 7 for 20 epochs. */
  public static TrainConfig defaults() {
    return new TrainConfig(
        DEFAULT_MODEL,
        20,
        100,
        1e-3,
        OptimizerKind.ADAM,
        0.9,
        0,
        0.9,
        0.999,
        ScheduleKind.CONSTANT,
        0,
        42,
        0,
        0,
        0,
        5000,
        "last",
        false,
        "pytorch",
        10);
  }

  /** Returns a copy with another model spec. */
  public TrainConfig withModel(String newModel) {
    return new TrainConfig(
        newModel,
        epochs,
        batchSize,
        lr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        seed,
        threads,
        earlyStop,
        trainLimit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        augment,
        labelSmoothing,
        ema);
  }

  /** Returns a copy with other epochs, batch size and learning rate. */
  public TrainConfig withRun(int newEpochs, int newBatchSize, double newLr) {
    return new TrainConfig(
        model,
        newEpochs,
        newBatchSize,
        newLr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        seed,
        threads,
        earlyStop,
        trainLimit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        augment,
        labelSmoothing,
        ema);
  }

  /** Returns a copy with another thread count (0 for automatic). */
  public TrainConfig withThreads(int newThreads) {
    return new TrainConfig(
        model,
        epochs,
        batchSize,
        lr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        seed,
        newThreads,
        earlyStop,
        trainLimit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        augment,
        labelSmoothing,
        ema);
  }

  /** Returns a copy with another seed. */
  public TrainConfig withSeed(long newSeed) {
    return new TrainConfig(
        model,
        epochs,
        batchSize,
        lr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        newSeed,
        threads,
        earlyStop,
        trainLimit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        augment,
        labelSmoothing,
        ema);
  }

  /** Returns a copy that trains on the first {@code limit} training images only. */
  public TrainConfig withTrainLimit(int limit) {
    return new TrainConfig(
        model,
        epochs,
        batchSize,
        lr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        seed,
        threads,
        earlyStop,
        limit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        augment,
        labelSmoothing,
        ema);
  }

  /** Returns a copy with another augmentation, in the text form of {@link AugmentSpec}. */
  public TrainConfig withAugment(String newAugment) {
    return new TrainConfig(
        model,
        epochs,
        batchSize,
        lr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        seed,
        threads,
        earlyStop,
        trainLimit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        newAugment,
        labelSmoothing,
        ema);
  }

  /** Returns whether the training loss is smoothed. */
  public boolean smoothsLabels() {
    return labelSmoothing > 0;
  }

  /** Returns whether validation and test evaluate an average of the weights. */
  public boolean averagesWeights() {
    return ema > 0;
  }

  /** Returns a copy with another label smoothing, 0 for none. */
  public TrainConfig withLabelSmoothing(double newLabelSmoothing) {
    return new TrainConfig(
        model,
        epochs,
        batchSize,
        lr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        seed,
        threads,
        earlyStop,
        trainLimit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        augment,
        newLabelSmoothing,
        ema);
  }

  /** Returns a copy with another weight-average decay, 0 for none. */
  public TrainConfig withEma(double newEma) {
    return new TrainConfig(
        model,
        epochs,
        batchSize,
        lr,
        optimizer,
        momentum,
        weightDecay,
        beta1,
        beta2,
        schedule,
        warmupEpochs,
        seed,
        threads,
        earlyStop,
        trainLimit,
        valSize,
        valSplit,
        normalize,
        init,
        logEvery,
        augment,
        labelSmoothing,
        newEma);
  }

  private static void require(boolean rule, String message) {
    if (!rule) {
      throw new InvalidInputException(message);
    }
  }
}
