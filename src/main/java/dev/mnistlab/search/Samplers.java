package dev.mnistlab.search;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Direction;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a sampler from its command-line spec: {@code grid}, {@code random}, {@code tpe} or {@code
 * tpe:OPTIONS}, where OPTIONS are {@code multivariate}, {@code startup=N} and {@code candidates=N}
 * joined by commas, e.g. {@code tpe:multivariate,startup=5}. Each sampler's {@code toString} says
 * what was built, for logs and reports.
 */
public final class Samplers {
  private static final String FORMS =
      "grid, random, tpe or tpe:OPTIONS with OPTIONS from"
          + " multivariate, startup=N, candidates=N joined by commas";

  private Samplers() {}

  /**
   * Returns the sampler {@code spec} names, drawing from {@code seed}.
   *
   * @param direction whether the study minimises or maximises (TPE needs it to rank trials)
   * @throws InvalidInputException when the spec is not one of the forms above
   */
  public static Sampler create(String spec, long seed, Direction direction) {
    String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "grid":
        return new GridSampler(seed);
      case "random":
        return new RandomSampler(seed);
      case "tpe":
        return new TpeSampler(seed, direction);
      default:
        break;
    }
    if (!s.startsWith("tpe:")) {
      throw new InvalidInputException("sampler must be " + FORMS + ", got '" + spec + "'");
    }
    int startup = TpeSampler.DEFAULT_STARTUP;
    int candidates = TpeSampler.DEFAULT_CANDIDATES;
    boolean multivariate = false;
    Set<String> seen = new HashSet<>();
    for (String option : s.substring(4).split(",", -1)) {
      String o = option.trim();
      String key = o.contains("=") ? o.substring(0, o.indexOf('=')).trim() : o;
      if (!seen.add(key)) {
        throw new InvalidInputException(
            "sampler option '" + key + "' is given twice in '" + spec + "'");
      }
      if (o.equals("multivariate")) {
        multivariate = true;
      } else if (key.equals("startup")) {
        startup = number(o, 0, spec);
      } else if (key.equals("candidates")) {
        candidates = number(o, 1, spec);
      } else {
        throw new InvalidInputException(
            "sampler must be " + FORMS + ", got '" + spec + "' (unknown option '" + o + "')");
      }
    }
    return new TpeSampler(seed, direction, startup, candidates, multivariate);
  }

  private static int number(String option, int min, String spec) {
    String key = option.substring(0, option.indexOf('=')).trim();
    String text = option.substring(option.indexOf('=') + 1).trim();
    try {
      int n = Integer.parseInt(text);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the rule.
    }
    throw new InvalidInputException(
        "sampler option "
            + key
            + " must be an integer >= "
            + min
            + ", got '"
            + text
            + "' in '"
            + spec
            + "'");
  }
}
