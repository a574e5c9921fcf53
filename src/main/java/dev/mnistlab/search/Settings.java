package dev.mnistlab.search;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.Init;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TrainConfig;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Knows the parameter names {@link ModelBuilder} turns into settings, and the type and range of the
 * value each one takes.
 *
 * <p>The rules here look at one value at a time, so {@link SpaceReader} can check every value a
 * space allows when it reads the file; rules between settings (warm-up no longer than the run, a
 * network whose shapes fit) are checked when a point is built.
 */
final class Settings {
  /** Lists the activations a space may choose, each a layer without arguments. */
  static final List<String> ACTIVATIONS = List.of("relu", "gelu", "tanh", "sigmoid", "leaky_relu");

  /** Lists the fixed names; {@code units_K} and {@code channels_K} are matched by pattern. */
  static final List<String> NAMES =
      List.of(
          "layers",
          "activation",
          "dropout",
          "batch_norm",
          "conv_layers",
          "kernel",
          "pool",
          "dense_units",
          "lr",
          "batch_size",
          "epochs",
          "optimizer",
          "momentum",
          "weight_decay",
          "schedule",
          "warmup_epochs",
          "normalize",
          "beta1",
          "beta2",
          "init",
          "augment",
          "label_smoothing",
          "ema");

  private static final Pattern NUMBERED = Pattern.compile("(units|channels)_[1-9][0-9]*");

  private Settings() {}

  /** Returns whether {@code name} is a setting the builder understands. */
  static boolean knows(String name) {
    return NAMES.contains(name) || NUMBERED.matcher(name).matches();
  }

  /**
   * Checks that {@code value} is a value setting {@code name} can take.
   *
   * @throws InvalidInputException naming the parameter, the rule and the value
   */
  static void check(String name, Object value) {
    switch (name) {
      case "layers", "conv_layers", "dense_units" -> whole(name, value, 0);
      case "kernel", "batch_size", "epochs" -> whole(name, value, 1);
      case "warmup_epochs" -> whole(name, value, 0);
      case "batch_norm", "pool", "normalize" -> flag(name, value);
      case "dropout", "momentum", "beta1", "beta2", "label_smoothing", "ema" -> {
        double v = real(name, value);
        rule(name, v >= 0 && v < 1, "must be in [0, 1)", value);
      }
      case "lr" -> {
        double v = real(name, value);
        rule(name, v > 0 && Double.isFinite(v), "must be > 0", value);
      }
      case "weight_decay" -> {
        double v = real(name, value);
        rule(name, v >= 0 && Double.isFinite(v), "must be >= 0", value);
      }
      case "activation" -> activation(value);
      case "optimizer" -> optimizer(value);
      case "schedule" -> schedule(value);
      case "init" -> init(value);
      case "augment" -> augment(value);
      default -> {
        if (!NUMBERED.matcher(name).matches()) {
          throw new InvalidInputException(
              "parameter '"
                  + name
                  + "': not a setting the model builder knows; known: "
                  + String.join(", ", ModelBuilder.knownNames()));
        }
        whole(name, value, 1);
      }
    }
  }

  /** Returns {@code value} as an int, accepting a whole number that went through JSON. */
  static int whole(String name, Object value) {
    return whole(name, value, Integer.MIN_VALUE);
  }

  /**
   * Returns {@code value} as an int of at least {@code min}; a whole number past an int is out of
   * range, not of the wrong type, and the message says the range.
   */
  private static int whole(String name, Object value, int min) {
    if (value instanceof Number n && !(value instanceof Integer)) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) > Integer.MAX_VALUE) {
        throw new InvalidInputException(
            "parameter '"
                + name
                + "' must be between "
                + min
                + " and "
                + Integer.MAX_VALUE
                + ", got "
                + shown(value));
      }
      if (d == Math.rint(d)) {
        value = (int) d;
      }
    }
    if (value instanceof Integer i) {
      atLeast(name, i, min);
      return i;
    }
    throw wrongType(name, "a whole number", value);
  }

  static double real(String name, Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType(name, "a number", value);
  }

  static boolean flag(String name, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw wrongType(name, "true or false", value);
  }

  static String activation(Object value) {
    String v = text("activation", value);
    rule(
        "activation",
        ACTIVATIONS.contains(v),
        "must be one of " + String.join(", ", ACTIVATIONS),
        value);
    return v;
  }

  static OptimizerKind optimizer(Object value) {
    return named("optimizer", value, OptimizerKind::parse);
  }

  static ScheduleKind schedule(Object value) {
    return named("schedule", value, ScheduleKind::parse);
  }

  static Init init(Object value) {
    return named("init", value, Init::parse);
  }

  /** Returns the canonical text of an augmentation spec, e.g. {@code rotate=12,shift=2}. */
  static String augment(Object value) {
    return named("augment", value, v -> TrainConfig.defaults().withAugment(v).augment());
  }

  /** Parses a named value, putting the parameter's name in front of the parser's error. */
  private static <T> T named(String name, Object value, Function<String, T> parser) {
    String v = text(name, value);
    try {
      return parser.apply(v);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("parameter '" + name + "': " + e.getMessage(), e);
    }
  }

  private static String text(String name, Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw wrongType(name, "a name", value);
  }

  private static void atLeast(String name, int value, int min) {
    rule(name, value >= min, "must be >= " + min, value);
  }

  private static void rule(String name, boolean holds, String rule, Object value) {
    if (!holds) {
      throw new InvalidInputException("parameter '" + name + "' " + rule + ", got " + shown(value));
    }
  }

  private static InvalidInputException wrongType(String name, String what, Object value) {
    return new InvalidInputException(
        "parameter '" + name + "' must be " + what + ", got " + shown(value));
  }

  private static String shown(Object value) {
    if (value instanceof Double d
        && d == Math.rint(d)
        && Math.abs(d) > Integer.MAX_VALUE
        && !d.isInfinite()) {
      // 1000000000000, not 1.0E12: the file says it the first way.
      return new java.math.BigDecimal(d).toPlainString();
    }
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }
}
