package dev.mnistlab.worker;

import dev.mnistlab.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;

/** Turns a training config back into the {@code train} flags that reproduce it. */
public final class TrainArgs {
  private TrainArgs() {}

  /**
   * Returns the flags a person types to train {@code config} again: every setting but the thread
   * count, which the person's machine should choose.
   */
  public static List<String> forUser(TrainConfig c) {
    List<String> args = of(c);
    int threads = args.indexOf("--threads");
    args.subList(threads, threads + 2).clear();
    return args;
  }

  /** Returns the flags for {@code config}, one engine thread, in a stable order. */
  static List<String> of(TrainConfig c) {
    List<String> args = new ArrayList<>();
    add(args, "--model", c.model());
    add(args, "--epochs", c.epochs());
    add(args, "--batch-size", c.batchSize());
    add(args, "--lr", c.lr());
    add(args, "--optimizer", c.optimizer().cliName());
    add(args, "--momentum", c.momentum());
    add(args, "--weight-decay", c.weightDecay());
    add(args, "--betas", c.beta1() + "," + c.beta2());
    add(args, "--schedule", c.schedule().cliName());
    add(args, "--warmup-epochs", c.warmupEpochs());
    add(args, "--seed", c.seed());
    // Trials run side by side, one engine thread each: two threads per trial on a shared
    // core made epochs 10-50x slower (see README, "Threads").
    add(args, "--threads", 1);
    add(args, "--early-stop", c.earlyStop());
    add(args, "--train-limit", c.trainLimit());
    add(args, "--val-size", c.valSize());
    add(args, "--val-split", c.valSplit());
    add(args, "--init", c.init());
    add(args, "--log-every", c.logEvery());
    if (c.normalize()) {
      args.add("--normalize");
    }
    if (c.augments()) {
      add(args, "--augment", c.augment());
    }
    if (c.smoothsLabels()) {
      add(args, "--label-smoothing", c.labelSmoothing());
    }
    if (c.averagesWeights()) {
      add(args, "--ema", c.ema());
    }
    return args;
  }

  private static void add(List<String> args, String flag, Object value) {
    args.add(flag);
    args.add(String.valueOf(value));
  }
}
