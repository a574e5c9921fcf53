package dev.mnistlab.search;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the pruner a user names with {@code --pruner}.
 *
 * <p>A spec is a name, optionally followed by a colon and comma-separated {@code key=value}
 * options; options left out take the defaults shown by {@link #allowedForms()}. Values are whole
 * numbers, except the median rule's {@code among} and {@code judge}, which are words:
 *
 * <ul>
 *   <li>{@code none}: never prunes;
 *   <li>{@code median[:startup=5,warmup=0,interval=1,among=all,judge=latest]}: the median stopping
 *       rule; {@code among=complete,judge=best} reads it as Optuna's {@code MedianPruner} does (see
 *       {@link MedianPruner});
 *   <li>{@code asha[:min=1,eta=3]}: asynchronous successive halving (Li et al. 2020);
 *   <li>{@code hyperband[:min=1,eta=3]}: Hyperband over ASHA brackets (Li et al. 2018).
 * </ul>
 *
 * <p>The pruner built describes itself in one line through {@code toString()}, for logs.
 */
public final class Pruners {
  private static final String FORMS =
      "none, "
          + "median[:startup=5,warmup=0,interval=1,among=all|complete,judge=latest|best], "
          + "asha[:min=1,eta=3], hyperband[:min=1,eta=3]";

  private Pruners() {}

  /** Returns the spec forms users may type, with each option's default. */
  public static String allowedForms() {
    return FORMS;
  }

  /**
   * Returns the pruner {@code spec} names, for trials of {@code maxEpochs} epochs whose objective
   * is better in {@code direction}.
   *
   * @throws InvalidInputException if the spec is not one of the allowed forms, an option is
   *     unknown, repeated or not a whole number, or a value breaks the pruner's rules
   */
  public static Pruner create(String spec, int maxEpochs, Direction direction) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(direction, "direction");
    if (maxEpochs < 1) {
      throw new InvalidInputException("epochs must be >= 1, got " + maxEpochs);
    }
    String trimmed = spec.trim();
    int colon = trimmed.indexOf(':');
    String name =
        (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    String optionText = colon < 0 ? null : trimmed.substring(colon + 1);
    return switch (name) {
      case "none" -> {
        if (optionText != null) {
          throw invalid(spec, "none takes no options");
        }
        yield new NopPruner();
      }
      case "median" -> {
        Map<String, String> o =
            options(spec, optionText, List.of("startup", "warmup", "interval", "among", "judge"));
        yield new MedianPruner(
            direction,
            whole(spec, o, "startup", 5),
            whole(spec, o, "warmup", 0),
            whole(spec, o, "interval", 1),
            word(spec, o, "among", MedianPruner.Among.ALL),
            word(spec, o, "judge", MedianPruner.Judge.LATEST));
      }
      case "asha" -> {
        Map<String, String> o = options(spec, optionText, List.of("min", "eta"));
        yield new AshaPruner(
            direction, whole(spec, o, "min", 1), whole(spec, o, "eta", 3), maxEpochs);
      }
      case "hyperband" -> {
        Map<String, String> o = options(spec, optionText, List.of("min", "eta"));
        yield new HyperbandPruner(
            direction, whole(spec, o, "min", 1), maxEpochs, whole(spec, o, "eta", 3));
      }
      default -> throw invalid(spec, "unknown name '" + name + "'");
    };
  }

  /** Parses {@code key=value,...} (null for no options) into values by key. */
  private static Map<String, String> options(String spec, String text, List<String> keys) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    if (text.isBlank()) {
      throw invalid(spec, "no options after ':'");
    }
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      String key = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      if (!keys.contains(key)) {
        throw invalid(spec, "option '" + key + "' is not one of " + String.join(", ", keys));
      }
      if (eq < 0) {
        throw invalid(spec, "option '" + key + "' needs a value, as " + key + "=2");
      }
      if (out.put(key, part.substring(eq + 1).trim()) != null) {
        throw invalid(spec, "option '" + key + "' is given twice");
      }
    }
    return out;
  }

  /** Returns option {@code key} as a whole number, or {@code fallback} when it was left out. */
  private static int whole(String spec, Map<String, String> options, String key, int fallback) {
    String value = options.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(spec, key + " must be a whole number, got '" + value + "'");
    }
  }

  /** Returns option {@code key} as one of {@code fallback}'s constants, named in lower case. */
  private static <E extends Enum<E>> E word(
      String spec, Map<String, String> options, String key, E fallback) {
    String value = options.get(key);
    if (value == null) {
      return fallback;
    }
    List<String> names = new ArrayList<>();
    for (E constant : fallback.getDeclaringClass().getEnumConstants()) {
      String name = constant.name().toLowerCase(Locale.ROOT);
      if (name.equals(value.toLowerCase(Locale.ROOT))) {
        return constant;
      }
      names.add(name);
    }
    throw invalid(
        spec, key + " must be one of " + String.join(", ", names) + ", got '" + value + "'");
  }

  private static InvalidInputException invalid(String spec, String reason) {
    return new InvalidInputException(
        "pruner '" + spec + "' is not valid: " + reason + "; allowed are " + FORMS);
  }
}
