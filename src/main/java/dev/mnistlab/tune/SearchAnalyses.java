package dev.mnistlab.tune;

import dev.mnistlab.analysis.SearchAnalysis;
import dev.mnistlab.analysis.SearchParam;
import dev.mnistlab.analysis.SearchTrial;
import dev.mnistlab.search.Distribution;
import dev.mnistlab.search.Param;
import dev.mnistlab.search.SearchSpace;
import dev.mnistlab.search.SpaceReader;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a stored search into what the analysis layer reads: its space's parameters as {@link
 * SearchParam}s and its trials as {@link SearchTrial}s, so that analysis knows neither storage nor
 * how spaces are written.
 */
public final class SearchAnalyses {
  private SearchAnalyses() {}

  /** Returns the analysis of a stored search's trials; running trials' bars end at {@code now}. */
  public static SearchAnalysis of(
      StudyRecord study, TuneDefinition definition, List<TrialRecord> trials, Instant now) {
    return SearchAnalysis.of(
        trials(trials),
        params(space(definition)),
        study.spec().direction() == Direction.MAXIMIZE,
        now);
  }

  /** Returns the space the search was defined with, from the text its study stores. */
  static SearchSpace space(TuneDefinition definition) {
    return SpaceReader.parse(
        definition.spaceText(), definition.spaceName(), definition.spaceName());
  }

  /**
   * Returns the parameters of {@code space} as analysis reads them; fixed settings are left out
   * (nothing can depend on them).
   */
  public static List<SearchParam> params(SearchSpace space) {
    List<SearchParam> out = new ArrayList<>();
    for (Param p : space.params()) {
      boolean conditional = p.condition() != null;
      if (p.distribution() instanceof Distribution.IntRange r) {
        out.add(SearchParam.ofInt(p.name(), r.low(), r.high(), r.log(), conditional));
      } else if (p.distribution() instanceof Distribution.FloatRange r) {
        out.add(SearchParam.ofFloat(p.name(), r.low(), r.high(), r.log(), conditional));
      } else if (p.distribution() instanceof Distribution.Choice c) {
        out.add(SearchParam.ofChoice(p.name(), c.choices(), conditional));
      }
    }
    return out;
  }

  /** Returns the stored trials as analysis reads them. */
  public static List<SearchTrial> trials(List<TrialRecord> trials) {
    return trials.stream().map(SearchAnalyses::trial).toList();
  }

  /** Returns one stored trial as analysis reads it. */
  public static SearchTrial trial(TrialRecord t) {
    return new SearchTrial(
        t.number(),
        SearchTrial.State.valueOf(t.state().name()),
        t.params(),
        t.value(),
        t.startedAt(),
        t.finishedAt(),
        t.workerId(),
        t.epochs());
  }
}
