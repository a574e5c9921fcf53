package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Holds what {@code --augment} asks for: the ranges random warps of training images are drawn from.
 *
 * <p>The text form is comma-separated {@code key=value}: {@code rotate=DEG} (angle uniform in
 * [-DEG, DEG]), {@code shift=PX} (offset uniform in [-PX, PX] per axis), {@code scale=S} (factor
 * uniform in [1-S, 1+S]) and {@code elastic=ALPHA[:SIGMA]} (an elastic distortion: Simard,
 * Steinkraus and Platt 2003, "Best practices for convolutional neural networks applied to visual
 * document analysis"). {@code none} or an empty text asks for nothing. {@code flip} is refused:
 * mirroring a digit changes its label, and MNIST is the only data set this tool knows.
 *
 * @param rotate largest rotation in degrees, in [0, 180)
 * @param shift largest offset per axis in pixels, in [0, 14)
 * @param scale largest relative change of size, 0 for none, else in (0, 1)
 * @param elasticAlpha scale of the elastic displacement field in pixels, 0 for none
 * @param elasticSigma standard deviation of the Gaussian that smooths the field, in pixels
 */
public record AugmentSpec(
    double rotate, double shift, double scale, double elasticAlpha, double elasticSigma) {

  /** Asks for no augmentation. */
  public static final AugmentSpec NONE =
      new AugmentSpec(0, 0, 0, 0, AugmentSpec.DEFAULT_ELASTIC_SIGMA);

  /** Gives the text form of {@link #NONE}. */
  public static final String NONE_TEXT = "none";

  /** Gives the smoothing of {@code elastic=ALPHA} without a sigma: Simard et al.'s 4 pixels. */
  public static final double DEFAULT_ELASTIC_SIGMA = 4;

  private static final String ALLOWED =
      "allowed: rotate=DEG, shift=PX, scale=S, elastic=ALPHA[:SIGMA], or none";

  /** Checks each range, naming the key, the rule and the value. */
  public AugmentSpec {
    rule(rotate >= 0 && rotate < 180, "rotate must be >= 0 and < 180 degrees", rotate);
    rule(shift >= 0 && shift < 14, "shift must be >= 0 and < 14 pixels", shift);
    rule(scale == 0 || scale > 0 && scale < 1, "scale must be in (0, 1)", scale);
    rule(
        elasticAlpha >= 0 && Double.isFinite(elasticAlpha),
        "elastic alpha must be >= 0",
        elasticAlpha);
    rule(
        elasticSigma > 0 && Double.isFinite(elasticSigma),
        "elastic sigma must be > 0",
        elasticSigma);
  }

  /**
   * Reads the text form, e.g. {@code rotate=12,shift=2,scale=0.1}.
   *
   * @throws InvalidInputException naming the entry, the rule and what is allowed
   */
  public static AugmentSpec parse(String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase(NONE_TEXT)) {
      return NONE;
    }
    double rotate = 0;
    double shift = 0;
    double scale = 0;
    double alpha = 0;
    double sigma = DEFAULT_ELASTIC_SIGMA;
    Set<String> seen = new LinkedHashSet<>();
    for (String entry : text.split(",", -1)) {
      String e = entry.trim();
      if (e.isEmpty()) {
        throw invalid("empty entry in '" + text + "'; " + ALLOWED);
      }
      int eq = e.indexOf('=');
      String key = (eq < 0 ? e : e.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? null : e.substring(eq + 1).trim();
      if (key.equals("flip")) {
        throw invalid(
            "flip mirrors images left-right, which changes the label of digits (a mirrored 2, 3 or"
                + " 7 is no digit), and MNIST is the only data set mnist-lab knows; not allowed");
      }
      if (!Set.of("rotate", "shift", "scale", "elastic").contains(key)) {
        throw invalid("unknown key '" + key + "'; " + ALLOWED);
      }
      if (!seen.add(key)) {
        throw invalid(key + " is given twice in '" + text + "'");
      }
      if (value == null || value.isEmpty()) {
        throw invalid(key + " needs a value, e.g. " + key + "=" + example(key));
      }
      switch (key) {
        case "rotate" -> rotate = number(key, value);
        case "shift" -> shift = number(key, value);
        case "scale" -> scale = number(key, value);
        default -> {
          int colon = value.indexOf(':');
          alpha = number("elastic alpha", colon < 0 ? value : value.substring(0, colon));
          if (colon >= 0) {
            sigma = number("elastic sigma", value.substring(colon + 1));
          }
          rule(alpha > 0, "elastic alpha must be > 0", alpha);
        }
      }
      if (key.equals("scale")) {
        rule(scale > 0 && scale < 1, "scale must be in (0, 1)", scale);
      }
    }
    return new AugmentSpec(rotate, shift, scale, alpha, sigma);
  }

  /** Returns whether this asks for no change to any image. */
  public boolean isNone() {
    return rotate == 0 && shift == 0 && scale == 0 && elasticAlpha == 0;
  }

  /** Returns the canonical text form: {@code none}, or the keys set, in a fixed order. */
  public String text() {
    if (isNone()) {
      return NONE_TEXT;
    }
    StringBuilder out = new StringBuilder();
    append(out, "rotate", rotate);
    append(out, "shift", shift);
    append(out, "scale", scale);
    if (elasticAlpha > 0) {
      out.append(out.length() > 0 ? "," : "")
          .append("elastic=")
          .append(number(elasticAlpha))
          .append(':')
          .append(number(elasticSigma));
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String key, double value) {
    if (value > 0) {
      out.append(out.length() > 0 ? "," : "").append(key).append('=').append(number(value));
    }
  }

  /** Writes 12 for 12.0 and 0.1 for 0.1, so the text reads as typed. */
  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String example(String key) {
    return switch (key) {
      case "rotate" -> "12";
      case "shift" -> "2";
      case "scale" -> "0.1";
      default -> "34:4";
    };
  }

  private static double number(String key, String value) {
    double v;
    try {
      v = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(key + " must be a number, got '" + value + "'");
    }
    if (!Double.isFinite(v)) {
      throw invalid(key + " must be a finite number, got '" + value + "'");
    }
    return v;
  }

  private static void rule(boolean ok, String rule, double value) {
    if (!ok) {
      throw invalid(rule + ", got " + number(value));
    }
  }

  private static InvalidInputException invalid(String message) {
    return new InvalidInputException("--augment: " + message);
  }
}
