package dev.mnistlab.tune;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.search.SearchSpace;
import dev.mnistlab.search.SpaceReader;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.worker.Objective;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Creates a search's study, joins it, or continues it with changed settings: what {@code tune} does
 * before its worker starts.
 *
 * <p>Joining (the same command on another machine) takes the stored definition and refuses
 * different settings, since a second sampler or space in one study would break its sequence. {@code
 * --continue} stores the new definition instead, and every earlier trial that fits the new space
 * keeps counting for the sampler and the pruner.
 */
public final class TuneStudies {
  private TuneStudies() {}

  /**
   * Says which study a search runs in and with which definition.
   *
   * @param study the study as stored
   * @param definition the definition to run, the stored one when joining
   * @param space the definition's space
   */
  public record Opened(StudyRecord study, TuneDefinition definition, SearchSpace space) {}

  /**
   * Opens the search {@code name} in {@code storage}.
   *
   * @param wanted the definition the command's options describe
   * @param lagGiven whether the user gave the lag, rather than it following the worker count
   * @param proceed whether to continue a stored search with {@code wanted}
   * @param log receives one line on what was done
   */
  public static Opened open(
      Storage storage,
      String name,
      TuneDefinition wanted,
      Objective objective,
      boolean lagGiven,
      boolean proceed,
      Consumer<String> log) {
    Optional<StudyRecord> found = storage.findStudy(name);
    if (found.isEmpty() && proceed) {
      throw new InvalidInputException(
          "--continue: no search named '"
              + name
              + "' in "
              + storage.describe()
              + "; leave out --continue to start it");
    }
    if (found.isEmpty()) {
      StudyRecord created = storage.createStudy(wanted.spec(name, objective));
      TuneDefinition stored = TuneDefinition.of(created);
      if (stored.equals(wanted)) {
        log.accept("created search " + name + " in " + storage.describe());
        return opened(created, stored);
      }
      found = Optional.of(created); // another worker created it first: join it
    }
    StudyRecord study = found.get();
    TuneDefinition stored = TuneDefinition.of(study);
    if (!study.spec().objective().equals(objective.cliName())) {
      throw new InvalidInputException(
          "search '"
              + name
              + "' optimises "
              + study.spec().objective()
              + ", not "
              + objective.cliName()
              + "; a search keeps "
              + "its objective, so start another --study");
    }
    if (proceed) {
      TuneDefinition next = lagGiven ? wanted : withLag(wanted, stored.lag());
      Opened opened = opened(study, next);
      if (!next.equals(stored)) {
        storage.redefine(study.id(), next.toJson());
      }
      List<TrialRecord> trials = storage.trials(study.id(), false);
      long reused =
          trials.stream()
              .filter(t -> t.state().isFinished() && opened.space().fits(t.params()))
              .count();
      log.accept(
          "continuing search "
              + name
              + ": "
              + reused
              + " of its "
              + trials.size()
              + " stored trial(s) fit the space and are reused");
      return opened;
    }
    String clash = clash(stored, wanted, lagGiven, study.spec().seed());
    if (clash != null) {
      throw new InvalidInputException(
          "search '"
              + name
              + "' exists with "
              + clash
              + "; give its settings to join it, or --continue to change them");
    }
    log.accept("joined search " + name + " in " + storage.describe());
    return opened(study, stored);
  }

  private static Opened opened(StudyRecord study, TuneDefinition definition) {
    SearchSpace space =
        SpaceReader.parse(
            definition.spaceText(),
            "space '" + definition.spaceName() + "' of search " + study.name(),
            definition.spaceName());
    return new Opened(study, definition, space);
  }

  /** Returns the first setting in which {@code wanted} differs from {@code stored}, or null. */
  static String clash(TuneDefinition stored, TuneDefinition wanted, boolean lagGiven, long seed) {
    if (!stored.spaceText().equals(wanted.spaceText())) {
      return "another space (" + stored.spaceName() + ")";
    }
    if (!stored.sampler().equals(wanted.sampler())) {
      return "--sampler " + stored.sampler();
    }
    if (!stored.pruner().equals(wanted.pruner())) {
      return "--pruner " + stored.pruner();
    }
    if (seed != wanted.base().seed()) {
      return "--seed " + seed;
    }
    if (stored.trials() != wanted.trials()) {
      return "--trials " + stored.trials();
    }
    if (lagGiven && stored.lag() != wanted.lag()) {
      return "--lag " + stored.lag();
    }
    if (!stored.base().equals(withLag(wanted, stored.lag()).base())) {
      return "other training settings (--train-limit " + stored.base().trainLimit() + ")";
    }
    return null;
  }

  private static TuneDefinition withLag(TuneDefinition d, int lag) {
    return new TuneDefinition(
        d.spaceName(), d.spaceText(), d.sampler(), d.pruner(), d.trials(), lag, d.base());
  }
}
