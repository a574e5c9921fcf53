package dev.mnistlab.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.study.StudyFile;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.TrainConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets one factor of a sweep to one value in a training config: any {@code train} setting by its
 * snake_case name, plus three that rewrite the layer spec ({@code layers}, {@code activation},
 * {@code dropout}) and {@code optimizer}, which also brings the optimizer's own learning rate.
 *
 * <p>A fair learning rate per optimizer: each gets the same effective step size as plain SGD at
 * 0.1. Momentum 0.9 multiplies SGD's step by 1/(1-0.9) = 10, so momentum and Nesterov get 0.01;
 * Adam, AdamW and RMSprop normalise the gradient by its running scale, so their step is about the
 * learning rate itself, and they get 1e-3, the value their authors and PyTorch recommend (Kingma
 * and Ba 2015; Loshchilov and Hutter 2019; Hinton's RMSprop lecture, as in Keras); Adagrad's step
 * shrinks as squared gradients accumulate, and it gets PyTorch's default 1e-2. AdamW with no weight
 * decay would be Adam, so it gets PyTorch's default decay 0.01 when the base has none. None is
 * tuned on this data: the learning-rate factor is where tuning shows.
 */
public final class FactorSetting {
  /** The factors that are not a plain {@code train} setting. */
  static final Set<String> SPECIAL = Set.of("layers", "activation", "dropout", "optimizer");

  private static final Map<OptimizerKind, Double> FAIR_LR =
      Map.of(
          OptimizerKind.SGD, 0.1,
          OptimizerKind.MOMENTUM, 0.01,
          OptimizerKind.NESTEROV, 0.01,
          OptimizerKind.ADAM, 1e-3,
          OptimizerKind.ADAMW, 1e-3,
          OptimizerKind.RMSPROP, 1e-3,
          OptimizerKind.ADAGRAD, 1e-2);

  /** AdamW's weight decay when the base has none: PyTorch's default. */
  static final double ADAMW_DECAY = 0.01;

  private static final Set<String> ACTIVATIONS =
      Set.of("relu", "sigmoid", "tanh", "gelu", "leaky_relu");
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private FactorSetting() {}

  /** Returns the learning rate the sweep gives {@code optimizer}. */
  public static double fairLr(OptimizerKind optimizer) {
    return FAIR_LR.get(optimizer);
  }

  /** Returns whether {@code factor} names something a config can be set to. */
  static boolean isKnown(String factor) {
    return SPECIAL.contains(factor)
        || StudyFile.TRAIN_KEYS.contains(factor)
            && !factor.equals("seed")
            && !factor.equals("betas");
  }

  /** Returns the factors {@code --factor} accepts, for error messages. */
  static String allowed() {
    TreeSet<String> names = new TreeSet<>(SPECIAL);
    StudyFile.TRAIN_KEYS.stream().filter(FactorSetting::isKnown).forEach(names::add);
    return String.join(", ", names);
  }

  /** Returns {@code base} with {@code factor} set to {@code value}; fails naming both. */
  public static TrainConfig apply(TrainConfig base, String factor, String value) {
    String v = value.trim();
    try {
      return switch (factor) {
        case "optimizer" -> {
          OptimizerKind kind = OptimizerKind.parse(v);
          TrainConfig set = withKey(withKey(base, "optimizer", kind.cliName()), "lr", fairLr(kind));
          // AdamW without weight decay is Adam; it gets PyTorch's default decay.
          yield kind == OptimizerKind.ADAMW && base.weightDecay() == 0
              ? withKey(set, "weight_decay", ADAMW_DECAY)
              : set;
        }
        case "layers", "model" -> base.withModel(ModelSpec.parse(v).canonical());
        case "activation" -> base.withModel(activation(base.model(), v));
        case "dropout" -> base.withModel(dropout(base.model(), number(v)));
        default -> withKey(base, factor, parse(v));
      };
    } catch (InvalidInputException e) {
      throw new InvalidInputException("factor " + factor + "=" + v + ": " + e.getMessage(), e);
    }
  }

  private static TrainConfig withKey(TrainConfig base, String key, Object value) {
    if (!isKnown(key)) {
      throw new InvalidInputException("unknown factor '" + key + "': allowed are " + allowed());
    }
    Map<String, Object> fields = JsonFormat.MAPPER.convertValue(base, MAP);
    fields.put(key, value);
    try {
      return JsonFormat.MAPPER.convertValue(fields, TrainConfig.class);
    } catch (IllegalArgumentException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof InvalidInputException)) {
        cause = cause.getCause();
      }
      if (cause instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException("'" + value + "' is not a value " + key + " takes");
    }
  }

  /** Replaces every hidden activation of {@code model} with {@code activation}. */
  static String activation(String model, String activation) {
    String a = activation.toLowerCase(Locale.ROOT);
    if (!ACTIVATIONS.contains(a)) {
      throw new InvalidInputException(
          "activation must be one of "
              + String.join(", ", new TreeSet<>(ACTIVATIONS))
              + ", got '"
              + activation
              + "'");
    }
    List<String> layers = List.of(ModelSpec.parse(model).canonical().split(",(?![^(]*\\))"));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < layers.size(); i++) {
      String layer = layers.get(i);
      boolean hidden = i < layers.size() - 1;
      String name = layer.replaceAll("\\(.*", "");
      out.append(out.length() > 0 ? "," : "")
          .append(hidden && ACTIVATIONS.contains(name) ? a : layer);
    }
    return ModelSpec.parse(out.toString()).canonical();
  }

  /**
   * Puts {@code dropout(p)} after every hidden activation of {@code model} (replacing any dropout
   * there); p = 0 removes dropout.
   */
  static String dropout(String model, double p) {
    if (!(p >= 0 && p < 1)) {
      throw new InvalidInputException("dropout must be in [0, 1), got " + p);
    }
    List<String> layers = List.of(ModelSpec.parse(model).canonical().split(",(?![^(]*\\))"));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < layers.size(); i++) {
      String layer = layers.get(i);
      if (layer.startsWith("dropout")) {
        continue;
      }
      out.append(out.length() > 0 ? "," : "").append(layer);
      boolean hidden = i < layers.size() - 1;
      if (hidden && p > 0 && ACTIVATIONS.contains(layer.replaceAll("\\(.*", ""))) {
        out.append(",dropout(").append(p).append(')');
      }
    }
    return ModelSpec.parse(out.toString()).canonical();
  }

  private static Object parse(String v) {
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    try {
      return v.matches("[+-]?\\d+") ? (Object) Long.parseLong(v) : (Object) Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private static double number(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("'" + v + "' is not a number");
    }
  }
}
