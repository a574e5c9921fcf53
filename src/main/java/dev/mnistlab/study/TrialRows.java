package dev.mnistlab.study;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.JsonFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Flattens stored trials into rows of named values for export and listings: one row per trial
 * (parameters, every setting, results) or one per epoch. Values are numbers, strings, booleans or
 * null (for NaN and for what a trial does not have yet), in a stable column order. A trial's
 * results are those of a finished attempt only: a waiting or running trial has none, even when an
 * attempt that was stopped reported some epochs.
 */
public final class TrialRows {
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private TrialRows() {}

  /** Returns one row per trial: who and what it is, its parameters, its config, its results. */
  public static List<Map<String, Object>> perTrial(StudyRecord study, List<TrialRecord> trials) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TrialRecord t : trials) {
      Map<String, Object> row = head(study, t);
      row.put("attempts", t.attempts());
      row.put("worker", t.workerId());
      row.put("queued_at", time(t.queuedAt()));
      row.put("started_at", time(t.startedAt()));
      row.put("finished_at", time(t.finishedAt()));
      row.put("reason", t.reason());
      config(t).forEach((k, v) -> row.putIfAbsent(k, v));
      boolean done = t.state().isFinished();
      List<EpochMetrics> epochs = finishedEpochs(t);
      EpochMetrics last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
      row.put("epochs_done", epochs.size());
      row.put("final_train_loss", last == null ? null : number(last.trainLoss()));
      row.put("final_val_loss", last == null ? null : number(last.valLoss()));
      row.put("final_val_accuracy", last == null ? null : number(last.valAccuracy()));
      row.put("best_epoch", bestEpoch(epochs));
      row.put("value", done ? number(t.value()) : null);
      row.put("test_loss", done ? number(t.test().loss()) : null);
      row.put("test_accuracy", done ? number(t.test().accuracy()) : null);
      row.put("seconds", done ? number(t.seconds()) : null);
      row.put("diverged_at_step", t.divergedAtStep() > 0 ? t.divergedAtStep() : null);
      row.put("peak_rss_mb", done ? number(t.peakRssMb()) : null);
      rows.add(row);
    }
    return rows;
  }

  /** Returns one row per epoch of every finished trial that has curves. */
  public static List<Map<String, Object>> perEpoch(StudyRecord study, List<TrialRecord> trials) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TrialRecord t : trials) {
      for (EpochMetrics e : finishedEpochs(t)) {
        Map<String, Object> row = head(study, t);
        row.put("epoch", e.epoch());
        row.put("train_loss", number(e.trainLoss()));
        row.put("train_loss_last_batch", number(e.trainLossLastBatch()));
        row.put("val_loss", number(e.valLoss()));
        row.put("val_accuracy", number(e.valAccuracy()));
        row.put("lr", number(e.lr()));
        row.put("seconds", number(e.seconds()));
        row.put("samples_per_second", number(e.samplesPerSecond()));
        rows.add(row);
      }
    }
    return rows;
  }

  /** Returns every key of {@code rows} in first-seen order: the columns of a table of them. */
  public static List<String> columns(List<Map<String, Object>> rows) {
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    rows.forEach(row -> keys.addAll(row.keySet()));
    return List.copyOf(keys);
  }

  /**
   * Returns the 1-based epoch with the lowest validation loss, or null when no epoch has one (no
   * validation split, or no epoch finished).
   */
  static Integer bestEpoch(List<EpochMetrics> epochs) {
    Integer best = null;
    double lowest = Double.POSITIVE_INFINITY;
    for (EpochMetrics e : epochs) {
      if (e.valLoss() < lowest) {
        lowest = e.valLoss();
        best = e.epoch();
      }
    }
    return best;
  }

  /**
   * Returns the epochs of a finished attempt. Storage keeps the epochs a running attempt reported,
   * also when that attempt is stopped and the trial queued again; they are not the trial's results,
   * so a waiting or running trial has none yet.
   */
  private static List<EpochMetrics> finishedEpochs(TrialRecord t) {
    return t.state().isFinished() ? t.epochs() : List.of();
  }

  private static Map<String, Object> head(StudyRecord study, TrialRecord t) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("study", study.name());
    row.put("number", t.number());
    row.put("label", t.label());
    row.put("state", t.state().name());
    row.put("seed", t.config().seed());
    t.params().forEach((k, v) -> row.put("param_" + k, v));
    return row;
  }

  private static Map<String, Object> config(TrialRecord t) {
    Map<String, Object> config = JsonFormat.MAPPER.convertValue(t.config(), MAP);
    config.remove("seed");
    return config;
  }

  private static Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
