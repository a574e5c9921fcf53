package dev.mnistlab.sweep;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.train.MemoryCheck;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TrainConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a sweep: a base config, factors each varied alone around it, an optional grid of two
 * factors, and how many seeds each config runs with.
 *
 * <p>Epochs cost nothing extra: when the base's learning rate does not depend on the run's length
 * (a constant schedule, no early stop), every epoch count is read from the learning curves of the
 * longest run, so the epochs factor trains one config, not one per value. Configs shared between
 * factors (the base is in every one) are trained once.
 *
 * @param name the study's name in storage
 * @param baseLabel where the base came from, e.g. {@code blog:7}
 * @param base the config every factor varies around; its seed is the first repeat's
 * @param factors the factors, each varied alone
 * @param grid two factor names crossed in a grid, or empty
 * @param repeats seeds per config
 * @param quick whether values, epochs and images were cut for a first look
 */
public record SweepPlan(
    String name,
    String baseLabel,
    TrainConfig base,
    List<SweepFactor> factors,
    List<String> grid,
    int repeats,
    boolean quick) {

  public SweepPlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base, "base");
    factors = List.copyOf(factors);
    grid = List.copyOf(grid);
    if (repeats < 1) {
      throw new InvalidInputException("--repeats must be >= 1, got " + repeats);
    }
    if (factors.isEmpty()) {
      throw new InvalidInputException("a sweep needs at least one factor");
    }
    if (factors.stream().map(SweepFactor::name).distinct().count() != factors.size()) {
      throw new InvalidInputException(
          "a factor is given twice: " + factors.stream().map(SweepFactor::name).toList());
    }
    for (SweepFactor f : factors) {
      for (String v : f.values()) {
        if (f.isEpochs() && !v.matches("[1-9]\\d{0,5}")) {
          throw new InvalidInputException(
              "factor epochs=" + v + ": epochs must be a whole " + "number >= 1");
        }
        requireFits("factor " + f.name() + "=" + v, FactorSetting.apply(base, f.name(), v));
      }
    }
    if (!grid.isEmpty()) {
      if (grid.size() != 2 || grid.get(0).equals(grid.get(1))) {
        throw new InvalidInputException(
            "--grid must name two different factors, got " + String.join(",", grid));
      }
      for (String g : grid) {
        if (factors.stream().noneMatch(f -> f.name().equals(g))) {
          throw new InvalidInputException(
              "--grid names "
                  + g
                  + ", which is not a factor of "
                  + "this sweep (factors: "
                  + factors.stream().map(SweepFactor::name).toList()
                  + ")");
        }
        if (g.equals("epochs")) {
          throw new InvalidInputException(
              "--grid cannot use epochs: every epoch count is "
                  + "read from the learning curves already");
        }
      }
      // The factors' fields are not set yet in this constructor: look them up by hand.
      Map<String, List<String>> values = new LinkedHashMap<>();
      factors.forEach(f -> values.put(f.name(), f.values()));
      String rows = grid.get(0);
      String columns = grid.get(1);
      for (String r : values.get(rows)) {
        for (String c : values.get(columns)) {
          requireFits(
              "grid cell " + rows + "=" + r + ", " + columns + "=" + c,
              FactorSetting.apply(FactorSetting.apply(base, rows, r), columns, c));
        }
      }
    }
  }

  /** Refuses, before anything is queued, a config whose network this machine cannot hold. */
  private static void requireFits(String where, TrainConfig config) {
    try {
      MemoryCheck.requireFits(config);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the five factors of the seed study around {@code base}: learning rate on a log grid,
   * batch size, optimizer (each at its fair learning rate), layers, and epochs. Quick takes fewer
   * values and at most 5 epochs.
   */
  public static List<SweepFactor> seedFactors(TrainConfig base, boolean quick) {
    String lr = quick ? "1e-4,1e-3,1e-2,1e-1" : "1e-5,1e-4,1e-3,1e-2,1e-1";
    String batch = quick ? "32,100,512" : "16,32,100,256,1024";
    String layers =
        quick
            ? "linear(32),relu,linear(10);linear(512),relu,linear(256),relu,linear(10);"
                + "linear(1024),relu,linear(1024),relu,linear(1024),relu,linear(10)"
            : "linear(32),relu,linear(10);linear(128),relu,linear(10);"
                + "linear(512),relu,linear(256),relu,linear(10);"
                + "linear(1024),relu,linear(1024),relu,linear(1024),relu,linear(10)";
    String epochs = quick ? "1,2,3,5" : "1,2,5,10,20,30";
    return List.of(
        SweepFactor.parse("lr=" + lr),
        SweepFactor.parse("batch_size=" + batch),
        SweepFactor.parse("optimizer=sgd,momentum,nesterov,adam,adamw,rmsprop,adagrad"),
        SweepFactor.parse("layers=" + layers),
        SweepFactor.parse("epochs=" + epochs));
  }

  /** Returns whether epoch counts are read from the longest run's curves. */
  public boolean epochsFromCurves() {
    return base.schedule() == ScheduleKind.CONSTANT && base.earlyStop() == 0;
  }

  /** Returns the factor named {@code name}. */
  public SweepFactor factor(String name) {
    return factors.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Returns the config that gives factor {@code f}'s value {@code value} its runs: for epochs read
   * from curves, the longest run's.
   */
  public TrainConfig config(SweepFactor f, String value) {
    if (f.isEpochs() && epochsFromCurves()) {
      return longestEpochs(f);
    }
    return FactorSetting.apply(base, f.name(), value);
  }

  /** Returns the config of grid cell (row value, column value). */
  public TrainConfig gridConfig(String rowValue, String columnValue) {
    return FactorSetting.apply(
        FactorSetting.apply(base, grid.get(0), rowValue), grid.get(1), columnValue);
  }

  /**
   * Returns every run the sweep needs, each config once with all the factor values it serves as its
   * parameters, times the repeats (seeds base seed, +1, ...).
   */
  public List<TrialRequest> requests() {
    Map<TrainConfig, Map<String, Object>> configs = new LinkedHashMap<>();
    for (SweepFactor f : factors) {
      for (String v : f.values()) {
        Map<String, Object> params =
            configs.computeIfAbsent(config(f, v), c -> new LinkedHashMap<>());
        if (!(f.isEpochs() && epochsFromCurves())) {
          params.putIfAbsent(f.name(), v);
        } else {
          params.putIfAbsent("epochs", String.valueOf(longestEpochs(f).epochs()));
        }
      }
    }
    if (!grid.isEmpty()) {
      for (String r : factor(grid.get(0)).values()) {
        for (String c : factor(grid.get(1)).values()) {
          Map<String, Object> params =
              configs.computeIfAbsent(gridConfig(r, c), k -> new LinkedHashMap<>());
          params.putIfAbsent(grid.get(0), r);
          params.putIfAbsent(grid.get(1), c);
        }
      }
    }
    List<TrialRequest> requests = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      for (Map.Entry<TrainConfig, Map<String, Object>> e : configs.entrySet()) {
        TrainConfig config = e.getKey().withSeed(base.seed() + r);
        requests.add(new TrialRequest(label(e.getValue()), e.getValue(), config));
      }
    }
    return requests;
  }

  /** Returns how many runs reading epochs from curves saved: the other epoch values'. */
  public int runsSavedByCurves() {
    return factors.stream()
        .filter(f -> f.isEpochs() && epochsFromCurves())
        .mapToInt(f -> (f.values().size() - 1) * repeats)
        .sum();
  }

  private TrainConfig longestEpochs(SweepFactor f) {
    int most = f.values().stream().mapToInt(Integer::parseInt).max().orElseThrow();
    return FactorSetting.apply(base, "epochs", String.valueOf(most));
  }

  private static String label(Map<String, Object> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .reduce((a, b) -> a + ", " + b)
        .orElse("base");
  }
}
