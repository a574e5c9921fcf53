package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.AugmentSpec;
import dev.mnistlab.data.Augmenter;
import dev.mnistlab.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Trains one network on one dataset split and measures it, epoch by epoch.
 *
 * <p>The loop talks to the PyTorch engine directly rather than through DJL's {@code EasyTrain}: one
 * forward, one backward and one fused update per parameter per step, with every temporary array
 * scoped to a per-batch manager so native memory stays flat over epochs and over many runs in one
 * process. Gradient recording is switched per thread (PyTorch's grad mode is thread-local), which
 * DJL's {@code GradientCollector} does not allow for two trainers at once.
 *
 * <p>With augmentation, only training images are warped, new draws every epoch (see {@link
 * Augmenter}); one background thread prepares them a few thousand images ahead of the engine (see
 * {@link AugmentedChunks}). Validation and test images are never changed.
 *
 * <p>With label smoothing, the training loss (what is minimised and reported per step and epoch) is
 * the smoothed one; validation and test losses stay plain cross-entropy, so they compare across
 * runs whatever their smoothing.
 *
 * <p>With a weight average ({@link TrainConfig#ema()}), validation and test evaluate the averaged
 * weights and batch-norm running statistics, and a completed run hands them to {@code whenComplete}
 * (see {@link WeightAverage}).
 *
 * <p>Not thread-safe: one trainer runs one network at a time.
 */
public final class Trainer {
  private static final int EVAL_CHUNK = 1000;
  private static final int PIXELS = 784;

  private final TrainConfig config;
  private final TrainingListener listener;

  /** Creates a trainer for {@code config} that reports progress to {@code listener}. */
  public Trainer(TrainConfig config, TrainingListener listener) {
    this.config = config;
    this.listener = listener;
  }

  /**
   * Trains {@code network} (built, not yet initialised) on {@code data} and returns what it
   * measured. A loss that is not finite ends the run as {@link RunState#DIVERGED}; an engine error
   * ends it as {@link RunState#FAILED}; neither throws.
   *
   * <p>{@code whenComplete} receives the trained block before its memory is released, only when the
   * run completed (to save it, for example).
   *
   * @throws InvalidInputException when the batch size exceeds the training images
   */
  public TrainResult train(
      Network network, Dataset data, Provenance provenance, Consumer<Block> whenComplete) {
    if (config.batchSize() > data.trainSize()) {
      throw new InvalidInputException(
          "batch size must be <= the number of training images ("
              + data.trainSize()
              + "), got "
              + config.batchSize());
    }
    long start = System.nanoTime();
    List<EpochMetrics> epochs = new ArrayList<>();
    List<StepLoss> steps = new ArrayList<>();
    Evaluation test = Evaluation.NONE;
    RunState state = RunState.COMPLETE;
    String message = "ran all " + config.epochs() + " epoch(s)";
    long divergedAt = 0;
    boolean stopped = false;
    AugmentSpec augment = config.augmentSpec();
    ExecutorService augmenting =
        augment.isNone()
            ? null
            : Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "augment");
                  t.setDaemon(true);
                  return t;
                });
    try (NDManager root = NDManager.newBaseManager()) {
      // Dropout draws from the engine's generator; seed it so runs repeat exactly.
      JniUtils.setSeed(config.seed());
      Block block = network.block();
      block.initialize(root, DataType.FLOAT32, new Shape(1, PIXELS));
      network.initializer().accept(block, config.seed());
      Augmenter augmenter =
          augment.isNone()
              ? null
              : new Augmenter(augment, config.seed(), Augmenter.background(config.normalize()));
      Run run = new Run(root, block, data, augmenter, augmenting);
      double bestValLoss = Double.POSITIVE_INFINITY;
      int sinceBest = 0;
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        EpochOutcome outcome = run.epoch(epoch, steps);
        if (outcome.divergedAtStep > 0) {
          state = RunState.DIVERGED;
          divergedAt = outcome.divergedAtStep;
          message =
              "loss became "
                  + outcome.badLoss
                  + " at step "
                  + divergedAt
                  + " (epoch "
                  + epoch
                  + ")";
          break;
        }
        epochs.add(outcome.metrics);
        listener.epochFinished(outcome.metrics);
        String stop = epoch < config.epochs() ? listener.stopAfter(outcome.metrics) : null;
        if (stop != null) {
          stopped = true;
          message = "stopped after epoch " + epoch + ": " + stop;
          break;
        }
        if (config.earlyStop() > 0 && data.valSize() > 0) {
          if (outcome.metrics.valLoss() < bestValLoss) {
            bestValLoss = outcome.metrics.valLoss();
            sinceBest = 0;
          } else if (++sinceBest >= config.earlyStop()) {
            message =
                "stopped early after epoch "
                    + epoch
                    + ": validation loss did not improve"
                    + " for "
                    + config.earlyStop()
                    + " epochs";
            break;
          }
        }
      }
      if (state == RunState.COMPLETE && !stopped) {
        test = run.evaluate(run.test);
        // What was tested is what is kept: with a weight average, the averaged weights.
        run.keepAverage();
        whenComplete.accept(block);
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      state = RunState.FAILED;
      message = e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      JniUtils.setGradMode(false);
      if (augmenting != null) {
        augmenting.shutdownNow();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new TrainResult(
        config,
        provenance,
        epochs,
        steps,
        test,
        state,
        message,
        divergedAt,
        seconds,
        ProcessMemory.peakRssMb());
  }

  private record EpochOutcome(EpochMetrics metrics, long divergedAtStep, float badLoss) {}

  /** The state of one run: its arrays on the engine, its optimizer and its step count. */
  private final class Run {
    private final NDManager root;
    private final Block block;
    private final Dataset data;
    private final Augmenter augmenter;
    private final ExecutorService augmenting;
    private final NDArray trainX;
    private final NDArray trainY;
    private final Split val;
    private final Split test;
    private final List<NDArray> trainable = new ArrayList<>();
    private final ParameterStore store;
    private final UpdateRule optimizer;
    private final LearningRateSchedule schedule;
    private final Random shuffle;
    private final int batchesPerEpoch;
    private final NDArray one;
    private final WeightAverage average;
    private long step;

    Run(
        NDManager root,
        Block block,
        Dataset data,
        Augmenter augmenter,
        ExecutorService augmenting) {
      this.root = root;
      this.block = block;
      this.data = data;
      this.augmenter = augmenter;
      this.augmenting = augmenting;
      int n = data.trainSize();
      // Augmented images are made anew each epoch on the Java side; the originals stay there.
      this.trainX = augmenter == null ? root.create(data.trainX(), new Shape(n, PIXELS)) : null;
      this.trainY = root.create(toLongs(data.trainY()));
      // Copied to the engine once, so evaluating creates no garbage on the Java heap.
      this.val = Split.of(root, data.valX(), data.valY());
      this.test = Split.of(root, data.testX(), data.testY());
      // The weight average covers batch norm's running statistics too: averaged weights with the
      // statistics of the latest weights misjudge every activation while the learning rate is
      // high (a batch-norm CNN validated at 45-60% mid-run with its training loss near its floor).
      List<NDArray> averaged = new ArrayList<>();
      for (Parameter p : block.getParameters().values()) {
        averaged.add(p.getArray());
        if (p.requiresGradient()) {
          trainable.add(p.getArray());
        }
      }
      this.store = new ParameterStore(root, false);
      this.one = root.ones(new Shape());
      this.batchesPerEpoch = (n + config.batchSize() - 1) / config.batchSize();
      long total = (long) batchesPerEpoch * config.epochs();
      this.schedule =
          new LearningRateSchedule(
              config.schedule(),
              config.lr(),
              total,
              (long) batchesPerEpoch * config.warmupEpochs());
      this.optimizer = UpdateRule.of(config);
      this.shuffle = new Random(config.seed());
      this.average =
          config.averagesWeights() ? new WeightAverage(config.ema(), averaged, root) : null;
    }

    EpochOutcome epoch(int epoch, List<StepLoss> steps) {
      long t0 = System.nanoTime();
      int n = data.trainSize();
      int batch = config.batchSize();
      listener.epochStarted(epoch, config.epochs(), batchesPerEpoch);
      double sum = 0;
      float last = Float.NaN;
      long[] perm = permutation(n);
      try (NDManager epochScope = root.newSubManager();
          AugmentedChunks chunks = augmentedChunks(epoch, perm)) {
        // An indexing result belongs to the indexed array's manager (the run's root) unless
        // moved: without these attaches every epoch's shuffled copy would live to the end.
        NDArray order = epochScope.create(perm);
        NDArray y = trainY.get(order);
        y.attach(epochScope);
        // One split into views costs one engine call; slicing per step costs one each.
        long[] cuts = batchStarts(n, batch);
        NDList ys = y.split(cuts);
        IntFunction<NDArray> xs =
            chunks == null
                ? shuffled(epochScope, order, cuts)
                : augmented(epochScope, chunks, perm);
        for (int b = 0; b < batchesPerEpoch; b++) {
          step++;
          try (NDManager scope = epochScope.newSubManager()) {
            last = trainStep(scope, xs.apply(b), ys.get(b));
          }
          if (!Float.isFinite(last)) {
            return new EpochOutcome(null, step, last);
          }
          sum += last;
          if (step % config.logEvery() == 0) {
            steps.add(new StepLoss(step, epoch, last));
          }
          listener.batchFinished(epoch, b + 1, sum / (b + 1));
        }
      }
      double trainSeconds = (System.nanoTime() - t0) / 1e9;
      Evaluation validation = evaluate(val);
      double seconds = (System.nanoTime() - t0) / 1e9;
      EpochMetrics metrics =
          new EpochMetrics(
              epoch,
              sum / batchesPerEpoch,
              last,
              validation.loss(),
              validation.accuracy(),
              schedule.at(step),
              seconds,
              n / trainSeconds);
      return new EpochOutcome(metrics, 0, 0f);
    }

    /** Returns the batches of the original images in {@code order}, as views of one copy. */
    private IntFunction<NDArray> shuffled(NDManager epochScope, NDArray order, long[] cuts) {
      NDArray x = trainX.get(order);
      x.attach(epochScope);
      NDList xs = x.split(cuts);
      return xs::get;
    }

    /**
     * Returns the batches of augmented images, chunk by chunk as the background thread finishes
     * them; batch {@code b} must be asked for in order. Each chunk's copy on the engine is freed
     * when the next one arrives.
     */
    private IntFunction<NDArray> augmented(
        NDManager epochScope, AugmentedChunks chunks, long[] perm) {
      int batch = config.batchSize();
      int perChunk = chunks.chunkSize() / batch;
      NDManager[] chunkScope = new NDManager[1];
      NDList[] xs = new NDList[1];
      return b -> {
        if (b % perChunk == 0) {
          if (chunkScope[0] != null) {
            chunkScope[0].close();
          }
          chunkScope[0] = epochScope.newSubManager();
          float[] pixels = chunks.next();
          int count = pixels.length / PIXELS;
          NDArray x = chunkScope[0].create(pixels, new Shape(count, PIXELS));
          xs[0] = x.split(batchStarts(count, batch));
        }
        return xs[0].get(b % perChunk);
      };
    }

    /** Returns the epoch's augmented chunks being prepared, or null without augmentation. */
    private AugmentedChunks augmentedChunks(int epoch, long[] perm) {
      return augmenter == null
          ? null
          : new AugmentedChunks(
              augmenting, augmenter, data.trainX(), perm, epoch, config.batchSize());
    }

    private float trainStep(NDManager scope, NDArray x, NDArray y) {
      x.attach(scope);
      y.attach(scope);
      NDArray loss;
      JniUtils.setGradMode(true);
      try {
        NDArray logits = block.forward(store, new NDList(x), true).singletonOrThrow();
        loss = Losses.crossEntropy(logits, y, config.labelSmoothing());
        JniUtils.backward((PtNDArray) loss, (PtNDArray) one, false, false);
      } finally {
        JniUtils.setGradMode(false);
      }
      float value = loss.getFloat();
      if (Float.isFinite(value)) {
        double lr = schedule.at(step);
        for (int slot = 0; slot < trainable.size(); slot++) {
          NDArray weight = trainable.get(slot);
          NDArray grad = weight.getGradient();
          grad.attach(scope);
          optimizer.update(slot, weight, grad, lr, step);
          JniUtils.zeroGrad((PtNDArray) weight);
        }
        if (average != null) {
          average.update(scope);
        }
      }
      return value;
    }

    /**
     * Returns the network's mean loss and accuracy on a split held by the engine; with a weight
     * average, of the averaged weights, swapped in for the evaluation and back out after it.
     */
    Evaluation evaluate(Split split) {
      if (split == null) {
        return Evaluation.NONE;
      }
      if (average == null) {
        return evaluateLive(split);
      }
      swapAverage();
      try {
        return evaluateLive(split);
      } finally {
        swapAverage();
      }
    }

    /** Leaves the averaged weights in the network, if there is an average; the run is over. */
    void keepAverage() {
      if (average != null) {
        swapAverage();
      }
    }

    private void swapAverage() {
      try (NDManager scope = root.newSubManager()) {
        average.swap(scope);
      }
    }

    private Evaluation evaluateLive(Split split) {
      long n = split.labels.size();
      double lossSum = 0;
      long correct = 0;
      for (long from = 0; from < n; from += EVAL_CHUNK) {
        long to = Math.min(n, from + EVAL_CHUNK);
        try (NDManager scope = root.newSubManager()) {
          NDArray x = split.images.get(from + ":" + to);
          NDArray y = split.labels.get(from + ":" + to);
          x.attach(scope);
          y.attach(scope);
          NDArray logits = block.forward(store, new NDList(x), false).singletonOrThrow();
          lossSum += Losses.crossEntropy(logits, y).getFloat() * (to - from);
          correct += logits.argMax(1).eq(y).sum().getLong();
        }
      }
      return new Evaluation(lossSum / n, (double) correct / n);
    }

    private static long[] batchStarts(int n, int batch) {
      long[] cuts = new long[(n - 1) / batch];
      for (int i = 0; i < cuts.length; i++) {
        cuts[i] = (long) (i + 1) * batch;
      }
      return cuts;
    }

    private long[] permutation(int n) {
      long[] order = new long[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        long t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      return order;
    }
  }

  /** A split's images and labels on the engine; null stands for an empty split. */
  private record Split(NDArray images, NDArray labels) {
    static Split of(NDManager manager, float[] images, int[] labels) {
      if (labels.length == 0) {
        return null;
      }
      return new Split(
          manager.create(images, new Shape(labels.length, PIXELS)),
          manager.create(toLongs(labels)));
    }
  }

  private static long[] toLongs(int[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
