package dev.mnistlab.tune;

import dev.mnistlab.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says how a search's best is confirmed: its top {@code configs} configurations each trained again
 * with {@code seeds} new seeds ({@code tune --confirm KxS}).
 *
 * @param configs how many of the search's best complete trials to train again, at least 1
 * @param seeds how many new seeds each gets, at least 2, so that each mean has an interval
 */
public record ConfirmPlan(int configs, int seeds) {
  /** The seeds per configuration when {@code --confirm} gives only K. */
  public static final int DEFAULT_SEEDS = 3;

  private static final Pattern FORM = Pattern.compile("(\\d{1,6})(?:[xX](\\d{1,6}))?");

  public ConfirmPlan {
    if (configs < 1) {
      throw new InvalidInputException(
          "--confirm K must be >= 1 configuration, got " + configs + " (use K or KxS, e.g. 5x3)");
    }
    if (seeds < 2) {
      throw new InvalidInputException(
          "--confirm S must be >= 2 seeds, got "
              + seeds
              + ": one run per configuration has no interval (use K or KxS, e.g. 5x3)");
    }
  }

  /**
   * Reads {@code K} or {@code KxS}, e.g. {@code 5} (5 x {@value #DEFAULT_SEEDS}) or {@code 5x3}.
   */
  public static ConfirmPlan parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          "--confirm must be K or KxS (configurations x seeds), e.g. 5 or 5x3, got '" + text + "'");
    }
    int configs = Integer.parseInt(m.group(1));
    int seeds = m.group(2) == null ? DEFAULT_SEEDS : Integer.parseInt(m.group(2));
    return new ConfirmPlan(configs, seeds);
  }

  /** Returns the plan as {@code --confirm} takes it, e.g. {@code 5x3}. */
  @Override
  public String toString() {
    return configs + "x" + seeds;
  }
}
