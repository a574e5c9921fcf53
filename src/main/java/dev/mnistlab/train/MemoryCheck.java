package dev.mnistlab.train;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import dev.mnistlab.model.ModelSpec;

/**
 * Refuses a run whose network needs more memory than this machine has, before it trains or is
 * queued: {@code train}, a study's trials, a sweep's configs and a search space's largest network
 * all pass through here.
 *
 * <p>The estimate is {@link MemoryEstimate}'s, at the run's batch size and with its optimizer's
 * state; the limit is {@link MachineMemory#totalBytes()}. Stateless and thread-safe.
 */
public final class MemoryCheck {
  private MemoryCheck() {}

  /** Returns the memory {@code config}'s run needs, by its network, batch and optimizer. */
  public static MemoryEstimate estimate(TrainConfig config) {
    return estimate(ModelSpec.parse(config.model()), config.batchSize(), config.optimizer());
  }

  /** Returns the memory training {@code spec} needs at {@code batchSize} with {@code kind}. */
  public static MemoryEstimate estimate(ModelSpec spec, int batchSize, OptimizerKind kind) {
    return spec.memory(batchSize, kind.cliName(), kind.stateCopies());
  }

  /**
   * Throws when {@code config}'s run needs more memory than this machine has.
   *
   * @throws InvalidInputException with one line giving the estimate and the machine's memory
   */
  public static void requireFits(TrainConfig config) {
    estimate(config).requireFits(MachineMemory.totalBytes());
  }
}
