package dev.mnistlab.sweep;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.study.StudyDefinition;
import dev.mnistlab.study.StudyFile;
import dev.mnistlab.study.TrialDefinition;
import dev.mnistlab.train.TrainConfig;
import java.util.List;

/**
 * Finds the config a sweep varies around: a trial of a preset study ({@code blog:7}), a stored
 * trial ({@code STUDY:NUMBER}), then any settings changed on top of it.
 */
public final class SweepBase {
  /** The base a sweep takes without {@code --base}: the seed's final network. */
  public static final String DEFAULT = "blog:7";

  private SweepBase() {}

  /**
   * Returns the config {@code spec} names, looking up stored studies in {@code storage} only when
   * {@code spec} does not name a preset.
   */
  public static TrainConfig resolve(String spec, Storage storage) {
    int colon = colon(spec);
    String study = spec.substring(0, colon);
    String trial = spec.substring(colon + 1).trim();
    if (StudyFile.presets().contains(study)) {
      return presetTrial(StudyFile.preset(study), trial);
    }
    StudyRecord record = Storages.requireStudy(storage, study);
    int number;
    try {
      number = Integer.parseInt(trial);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "--base " + spec + ": a stored trial is named by its " + "number, got '" + trial + "'");
    }
    return storage.trials(record.id(), false).stream()
        .filter(t -> t.number() == number)
        .map(TrialRecord::config)
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "--base " + spec + ": study '" + study + "' has no trial " + number));
  }

  /**
   * Returns whether {@code spec} names a preset's trial, which needs no storage to resolve (a
   * stored trial needs the storage that holds its study).
   *
   * @throws InvalidInputException when {@code spec} is neither form
   */
  public static boolean namesPreset(String spec) {
    return StudyFile.presets().contains(spec.substring(0, colon(spec)));
  }

  private static int colon(String spec) {
    int colon = spec.lastIndexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new InvalidInputException(
          "--base must be PRESET:TRIAL (e.g. blog:7) or "
              + "STUDY:NUMBER (a stored trial), got '"
              + spec
              + "'");
    }
    return colon;
  }

  /** Returns {@code base} with each {@code KEY=VALUE} of {@code settings} applied in order. */
  public static TrainConfig withSettings(TrainConfig base, List<String> settings) {
    TrainConfig config = base;
    for (String s : settings) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException("--set must be KEY=VALUE, got '" + s + "'");
      }
      config = FactorSetting.apply(config, s.substring(0, eq).trim(), s.substring(eq + 1));
    }
    return config;
  }

  private static TrainConfig presetTrial(StudyDefinition preset, String trial) {
    List<TrialDefinition> trials = preset.trials();
    for (TrialDefinition t : trials) {
      if (t.name().equalsIgnoreCase(trial) || t.name().equalsIgnoreCase("trial " + trial)) {
        return t.config();
      }
    }
    throw new InvalidInputException(
        "preset '"
            + preset.name()
            + "' has no trial '"
            + trial
            + "': its trials are "
            + trials.stream().map(TrialDefinition::name).toList());
  }
}
