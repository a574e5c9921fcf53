package dev.mnistlab.sweep;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.analysis.EpochEffect;
import dev.mnistlab.analysis.FactorEffect;
import dev.mnistlab.analysis.FactorLevel;
import dev.mnistlab.analysis.GridCell;
import dev.mnistlab.analysis.GridEffect;
import dev.mnistlab.analysis.TrialRuns;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.study.StoredStudy;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Moves a sweep in and out of storage: the sweep as a stored study, the runs still to queue, and
 * the stored runs grouped back per factor value, epoch count and grid cell for the analysis layer.
 *
 * <p>A stored run serves a factor value when its config is the value's config but for the seed, and
 * its seed is one of the sweep's repeats; so a sweep run again with more values or repeats trains
 * only what is new, and a changed base trains everything again.
 */
public final class StoredSweep {
  private static final Set<TrialState> KEPT =
      Set.of(
          TrialState.WAITING,
          TrialState.RUNNING,
          TrialState.COMPLETE,
          TrialState.DIVERGED,
          TrialState.PRUNED);

  private StoredSweep() {}

  /** Returns the sweep as storage keeps it, its plan as JSON. */
  public static StudySpec spec(SweepPlan plan) {
    try {
      return new StudySpec(
          plan.name(),
          StoredStudy.OBJECTIVE,
          Direction.MAXIMIZE,
          "sweep",
          JsonFormat.MAPPER.writeValueAsString(plan),
          plan.base().seed(),
          "one factor at a time around " + plan.baseLabel());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write sweep '" + plan.name() + "' as JSON", e);
    }
  }

  /** Reads a stored sweep's plan back; a study of another kind is bad input. */
  public static SweepPlan plan(StudyRecord record) {
    if (!"sweep".equals(record.spec().kind())) {
      throw new InvalidInputException(
          "study '" + record.name() + "' is a " + record.spec().kind() + ", not a sweep");
    }
    try {
      return JsonFormat.MAPPER.readValue(record.spec().definition(), SweepPlan.class);
    } catch (IOException e) {
      throw new InvalidInputException(
          "sweep '"
              + record.name()
              + "' has a plan this "
              + "mnist-lab cannot read: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * Returns the runs of {@code plan} that {@code stored} lacks (failed ones again), longest first,
   * so that a long run does not start last and leave the other cores idle at the end.
   */
  public static List<TrialRequest> missing(SweepPlan plan, List<TrialRecord> stored) {
    return plan.requests().stream()
        .filter(
            r ->
                stored.stream()
                    .noneMatch(t -> KEPT.contains(t.state()) && t.config().equals(r.config())))
        .sorted(
            Comparator.comparingDouble((TrialRequest r) -> StoredStudy.cost(r.config())).reversed())
        .toList();
  }

  /** Returns one effect per factor but epochs read from curves, in the plan's order. */
  public static List<FactorEffect> factors(SweepPlan plan, List<TrialRecord> stored) {
    List<FactorEffect> effects = new ArrayList<>();
    for (SweepFactor f : plan.factors()) {
      if (f.isEpochs() && plan.epochsFromCurves()) {
        continue;
      }
      List<FactorLevel> levels = new ArrayList<>();
      for (String v : f.values()) {
        levels.add(
            new FactorLevel(
                v, f.numeric(v), runs(f.name() + " " + v, plan.config(f, v), plan, stored)));
      }
      effects.add(FactorEffect.of(f.name(), levels, f.scale() == SweepFactor.Scale.LOG));
    }
    return effects;
  }

  /** Returns the epoch count's effect from the longest run's curves, or null without one. */
  public static EpochEffect epochs(SweepPlan plan, List<TrialRecord> stored) {
    return plan.factors().stream()
        .filter(f -> f.isEpochs() && plan.epochsFromCurves())
        .findFirst()
        .map(
            f -> {
              TrainConfig longest = plan.config(f, f.values().get(0));
              TrialRuns runs = runs(longest.epochs() + " epochs", longest, plan, stored);
              return runs.runs().isEmpty() ? null : EpochEffect.of(runs);
            })
        .orElse(null);
  }

  /** Returns the grid's effect, or null when the plan has no grid. */
  public static GridEffect grid(SweepPlan plan, List<TrialRecord> stored) {
    if (plan.grid().isEmpty()) {
      return null;
    }
    SweepFactor row = plan.factor(plan.grid().get(0));
    SweepFactor column = plan.factor(plan.grid().get(1));
    List<GridCell> cells = new ArrayList<>();
    for (String r : row.values()) {
      for (String c : column.values()) {
        cells.add(
            new GridCell(
                r,
                row.numeric(r),
                c,
                column.numeric(c),
                runs(
                    row.name() + " " + r + ", " + column.name() + " " + c,
                    plan.gridConfig(r, c),
                    plan,
                    stored)));
      }
    }
    return GridEffect.of(row.name(), column.name(), row.scale() == SweepFactor.Scale.LOG, cells);
  }

  /** Returns the finished stored runs of {@code config} over the plan's seeds, in seed order. */
  static TrialRuns runs(String name, TrainConfig config, SweepPlan plan, List<TrialRecord> stored) {
    TrainConfig unseeded = config.withSeed(0);
    long first = plan.base().seed();
    List<TrainResult> runs =
        stored.stream()
            .filter(
                t ->
                    t.config().withSeed(0).equals(unseeded)
                        && t.config().seed() >= first
                        && t.config().seed() < first + plan.repeats())
            .sorted(Comparator.comparingLong(t -> t.config().seed()))
            .map(TrialRecord::toResult)
            .filter(Objects::nonNull)
            .toList();
    return new TrialRuns(name, config, runs, null, null);
  }
}
