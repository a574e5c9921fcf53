package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a time budget as people write it: {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2h}. */
final class TimeLimit {
  private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private TimeLimit() {}

  /** Returns the duration {@code text} names, or fails naming {@code flag} and the forms. */
  static Duration parse(String flag, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
    Matcher m = FORM.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      throw new InvalidInputException(
          flag + " must be a duration like 90s, 15m or 1h30m, got '" + text + "'");
    }
    Duration d = Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
    if (d.isZero()) {
      throw new InvalidInputException(flag + " must be longer than 0 s, got '" + text + "'");
    }
    return d;
  }

  /** Returns {@code d} as {@code 1h02m03s}, {@code 9m30s} or {@code 45s}. */
  static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s >= 3600) {
      return String.format(java.util.Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
    }
    return s >= 60 ? String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }

  private static long part(Matcher m, int group) {
    String g = m.group(group);
    if (g == null) {
      return 0;
    }
    if (g.length() > 6) {
      throw new InvalidInputException("a duration of " + m.group() + " is too long");
    }
    return Long.parseLong(g);
  }
}
