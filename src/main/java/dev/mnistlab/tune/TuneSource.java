package dev.mnistlab.tune;

import dev.mnistlab.search.ModelBuilder;
import dev.mnistlab.search.Observation;
import dev.mnistlab.search.Sampler;
import dev.mnistlab.search.SearchSpace;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.worker.TrialSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Queues a search's trials one at a time, as worker slots free up.
 *
 * <p>Trial {@code n}'s parameters are a function of the study's seed, {@code n} and the finished
 * trials numbered {@code 0..n-lag} that fit the space, nothing else: the sampler only ever sees
 * those, and trial {@code n} waits until they have all finished. With as many workers as {@code
 * lag}, trials {@code n-lag+1..n-1} are the ones still running when {@code n} starts, so little
 * waiting is needed, and any run of the search with the same seed and lag gives the same
 * configurations in the same order. The space's {@code first} points and the trials a sampler takes
 * blind (its random start-up) do not wait at all. Every worker computes the same request for {@code
 * n}, and {@link Storage#enqueueAt} keeps the first.
 */
public final class TuneSource implements TrialSource {
  private final Storage storage;
  private final StudyRecord study;
  private final SearchSpace space;
  private final Sampler sampler;
  private final TuneDefinition definition;
  private final Supplier<Instant> clock;
  private final Instant deadline;

  /**
   * Creates the source of {@code study}'s trials.
   *
   * @param deadline when to stop queueing trials, or null for no time limit
   */
  public TuneSource(
      Storage storage,
      StudyRecord study,
      SearchSpace space,
      Sampler sampler,
      TuneDefinition definition,
      Supplier<Instant> clock,
      Instant deadline) {
    this.storage = storage;
    this.study = study;
    this.space = space;
    this.sampler = sampler;
    this.definition = definition;
    this.clock = clock;
    this.deadline = deadline;
  }

  @Override
  public synchronized Supply supply() {
    if (deadline != null && !clock.get().isBefore(deadline)) {
      return Supply.DONE;
    }
    List<TrialRecord> trials = storage.trialsWithEpochs(study.id());
    int n = trials.isEmpty() ? 0 : trials.get(trials.size() - 1).number() + 1;
    OptionalInt size = sampler.size(space);
    if (n >= definition.trials() || (size.isPresent() && n >= size.getAsInt())) {
      return Supply.DONE;
    }
    List<Observation> history = List.of();
    boolean first = n < space.first().size();
    if (!first && n >= sampler.blindTrials()) {
      int last = n - definition.lag();
      for (TrialRecord t : trials) {
        if (t.number() <= last && !t.state().isFinished()) {
          return Supply.LATER;
        }
      }
      history =
          trials.stream()
              .filter(t -> t.number() <= last && t.state().isFinished() && space.fits(t.params()))
              .map(TuneSource::observation)
              .toList();
    }
    Map<String, Object> point = first ? space.first().get(n) : sampler.sample(space, n, history);
    TrainConfig config = ModelBuilder.build(point, definition.base());
    storage.enqueueAt(study.id(), n, new TrialRequest(label(config), point, config));
    return Supply.QUEUED;
  }

  /** Returns the short description progress lines give of a trial's config. */
  static String label(TrainConfig c) {
    return String.format(
        java.util.Locale.ROOT,
        "%s, %s lr %.3g, batch %d, %d epochs",
        c.model(),
        c.optimizer().cliName(),
        c.lr(),
        c.batchSize(),
        c.epochs());
  }

  /** Returns what a sampler may learn from a finished trial. */
  static Observation observation(TrialRecord t) {
    return new Observation(t.number(), t.params(), t.state(), t.value(), t.epochs().size());
  }
}
