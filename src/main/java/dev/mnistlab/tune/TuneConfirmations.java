package dev.mnistlab.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a search's confirmation runs in a study of their own, {@code NAME-confirm}: the top
 * configurations of search {@code NAME}, each trained again with new seeds.
 *
 * <p>A run is its configuration's config with one new seed and nothing else, so the stored runs say
 * by themselves which are done: {@link #queueMissing} queues only the runs not stored yet, and a
 * confirmation that was stopped, or asked again with more configurations or seeds, trains only what
 * it lacks. The new seeds of a trial trained with seed {@code s} are {@code s+1, s+2, ...}, none of
 * them the seed its search value came from. The runs are trained to their last epoch: no judge
 * stops them.
 */
public final class TuneConfirmations {
  /** The study kind confirmation runs are stored as. */
  public static final String KIND = "confirmation";

  /** What a search's name gets to name its confirmation study. */
  public static final String SUFFIX = "-confirm";

  private TuneConfirmations() {}

  /** Returns the name of search {@code search}'s confirmation study. */
  public static String name(String search) {
    return search + SUFFIX;
  }

  /**
   * Opens the confirmation study of {@code search}, creating it if needed, and stores {@code plan}
   * as the one its reports show.
   */
  public static StudyRecord open(Storage storage, StudyRecord search, ConfirmPlan plan) {
    String name = name(search.name());
    if (name.length() > 100) {
      throw new InvalidInputException(
          "--confirm: search name '"
              + search.name()
              + "' is too long to add '"
              + SUFFIX
              + "' to it (at most 92 characters); choose a shorter --study");
    }
    String definition = definition(search.name(), plan);
    StudyRecord study =
        storage.createStudy(
            new StudySpec(
                name,
                search.spec().objective(),
                search.spec().direction(),
                KIND,
                definition,
                search.spec().seed(),
                "top configurations of search " + search.name() + " trained with new seeds"));
    if (!KIND.equals(study.spec().kind()) || !search.name().equals(searchOf(study))) {
      throw new InvalidInputException(
          "--confirm: study '"
              + name
              + "' exists and is a "
              + study.spec().kind()
              + ", not the confirmation of search '"
              + search.name()
              + "'; rename one of them");
    }
    if (!study.spec().definition().equals(definition)) {
      storage.redefine(study.id(), definition);
    }
    return study;
  }

  /** Returns the new seeds of {@code trial} under {@code plan}, in order. */
  public static List<Long> seeds(TrialRecord trial, ConfirmPlan plan) {
    List<Long> seeds = new ArrayList<>();
    for (int j = 1; j <= plan.seeds(); j++) {
      seeds.add(trial.config().seed() + j);
    }
    return seeds;
  }

  /** Returns the configs of {@code trial}'s new runs, one per new seed, in order. */
  static List<TrainConfig> configs(TrialRecord trial, ConfirmPlan plan) {
    return seeds(trial, plan).stream().map(s -> trial.config().withSeed(s)).toList();
  }

  /** Returns the runs that confirm the first {@code plan.configs()} of {@code ranked}. */
  public static List<TrialRequest> requests(List<TrialRecord> ranked, ConfirmPlan plan) {
    List<TrialRequest> requests = new ArrayList<>();
    for (TrialRecord t : ranked.subList(0, Math.min(plan.configs(), ranked.size()))) {
      for (TrainConfig config : configs(t, plan)) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("search_trial", t.number());
        params.put("seed", config.seed());
        requests.add(
            new TrialRequest("trial " + t.number() + ", seed " + config.seed(), params, config));
      }
    }
    return requests;
  }

  /**
   * Queues those of {@code requests} that {@code study} does not hold yet, each with the next free
   * number; returns how many this call queued. Safe with other processes queueing the same runs at
   * once: a number another process took first is read back and the run tried again at the next one.
   */
  public static int queueMissing(Storage storage, StudyRecord study, List<TrialRequest> requests) {
    int queued = 0;
    // Every pass queues a run or finds one another process queued; the bound only guards against
    // a config that would not read back equal to itself.
    for (int pass = 0; pass <= 10 * requests.size() + 10; pass++) {
      List<TrialRecord> stored = storage.trials(study.id(), false);
      Set<TrainConfig> have = new HashSet<>();
      stored.forEach(t -> have.add(t.config()));
      List<TrialRequest> missing =
          requests.stream().filter(r -> !have.contains(r.config())).toList();
      if (missing.isEmpty()) {
        return queued;
      }
      int next = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).number() + 1;
      for (TrialRequest r : missing) {
        TrialRecord t = storage.enqueueAt(study.id(), next++, r);
        if (!t.config().equals(r.config())) {
          break; // another process queued this number first: read the study again
        }
        queued++;
      }
    }
    throw new IllegalStateException(
        "cannot queue the confirmation runs of " + study.name() + ": they do not read back");
  }

  /**
   * Returns search {@code search}'s report with its confirmation, if it has one, as last asked for.
   */
  public static TuneReport report(Storage storage, StudyRecord search, TuneDefinition definition) {
    List<TrialRecord> trials = storage.trialsWithEpochs(search.id());
    TuneReport report = TuneReport.of(search, definition, trials);
    Optional<StudyRecord> found = storage.findStudy(name(search.name()));
    if (found.isEmpty()
        || !KIND.equals(found.get().spec().kind())
        || !search.name().equals(searchOf(found.get()))) {
      return report;
    }
    StudyRecord study = found.get();
    return report.withConfirmation(
        TuneConfirmation.of(
            plan(study),
            search.spec().direction(),
            TuneReport.ranked(search.spec().direction(), trials),
            storage.trials(study.id(), false)));
  }

  /** Returns the search that confirmation study {@code confirmation} confirms. */
  public static StudyRecord search(Storage storage, StudyRecord confirmation) {
    String name = searchOf(confirmation);
    Optional<StudyRecord> search = name == null ? Optional.empty() : storage.findStudy(name);
    if (search.isEmpty() || !TuneDefinition.KIND.equals(search.get().spec().kind())) {
      throw new InvalidInputException(
          "study '"
              + confirmation.name()
              + "' confirms search '"
              + name
              + "', which is not in "
              + storage.describe()
              + " any more");
    }
    return search.get();
  }

  /** Returns the name of the search a confirmation study confirms, or null if unreadable. */
  public static String searchOf(StudyRecord confirmation) {
    JsonNode node = read(confirmation);
    return node == null || !node.hasNonNull("search") ? null : node.get("search").asText();
  }

  private static ConfirmPlan plan(StudyRecord confirmation) {
    JsonNode node = read(confirmation);
    return new ConfirmPlan(node.path("configs").asInt(1), node.path("seeds").asInt(2));
  }

  private static JsonNode read(StudyRecord study) {
    try {
      return JsonFormat.MAPPER.readTree(study.spec().definition());
    } catch (IOException e) {
      return null;
    }
  }

  private static String definition(String search, ConfirmPlan plan) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("search", search);
    d.put("configs", plan.configs());
    d.put("seeds", plan.seeds());
    try {
      return JsonFormat.MAPPER.writeValueAsString(d);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a confirmation's definition as JSON", e);
    }
  }
}
