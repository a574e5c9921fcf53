package dev.mnistlab.search;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.Layer;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TrainConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a point of a search space into a full training config.
 *
 * <p>Training settings ({@code lr}, {@code batch_size}, {@code epochs}, {@code optimizer}, {@code
 * momentum}, {@code weight_decay}, {@code schedule}, {@code warmup_epochs}, {@code normalize},
 * {@code beta1}, {@code beta2}, {@code init}, {@code augment}, {@code label_smoothing}, {@code
 * ema}) replace the base config's. A point that names none of the network's parameters keeps the
 * base's model; otherwise the network is built from the point alone:
 *
 * <ul>
 *   <li>an MLP, from {@code layers} (0 or more hidden layers; without it, as many as the {@code
 *       units_1}, {@code units_2}, ... given) and {@code units_K}: each hidden block is {@code
 *       linear(units_K)}, {@code batchnorm} if {@code batch_norm}, the {@code activation} (relu by
 *       default), {@code dropout(p)} if {@code dropout} is above 0; then {@code linear(10)}.
 *   <li>a CNN, from {@code conv_layers} (or the {@code channels_K} given) and {@code channels_K}:
 *       each block is {@code conv2d(channels_K, kernel)} with padding kernel/2 (so odd kernels keep
 *       the side), {@code batchnorm} if {@code batch_norm}, the activation, {@code maxpool(2)} if
 *       {@code pool}; then {@code flatten}, a dense block of {@code dense_units} if above 0 ({@code
 *       linear}, the activation, dropout: batch norm stays in the convolution blocks, as in the
 *       usual PyTorch CNN), else dropout alone, and {@code linear(10)}. Defaults: kernel 3, no
 *       pooling, no dense block.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelBuilder {
  private static final Set<String> MLP = Set.of("layers");
  private static final Set<String> CNN = Set.of("conv_layers", "kernel", "pool", "dense_units");
  private static final Set<String> SHARED = Set.of("activation", "dropout", "batch_norm");

  private ModelBuilder() {}

  /**
   * Returns the parameter names a space may use, {@code units_K} and {@code channels_K} standing
   * for those names with any K from 1 up.
   */
  public static Set<String> knownNames() {
    Set<String> names = new LinkedHashSet<>(Settings.NAMES);
    names.add("units_K");
    names.add("channels_K");
    return java.util.Collections.unmodifiableSet(names);
  }

  /**
   * Returns {@code base} with the settings of {@code point} in place of its own.
   *
   * @param point a point of a search space: parameter names to values
   * @param base the settings the point leaves alone (seed, validation split, ...)
   * @throws InvalidInputException if the point names an unknown setting, gives a value of the wrong
   *     type or range, or describes a network or run that breaks a rule
   */
  public static TrainConfig build(Map<String, Object> point, TrainConfig base) {
    point.forEach(Settings::check);
    String model = model(point, base.model());
    OptimizerKind optimizer =
        point.containsKey("optimizer")
            ? Settings.optimizer(point.get("optimizer"))
            : base.optimizer();
    ScheduleKind schedule =
        point.containsKey("schedule") ? Settings.schedule(point.get("schedule")) : base.schedule();
    return new TrainConfig(
        model,
        whole(point, "epochs", base.epochs()),
        whole(point, "batch_size", base.batchSize()),
        real(point, "lr", base.lr()),
        optimizer,
        real(point, "momentum", base.momentum()),
        real(point, "weight_decay", base.weightDecay()),
        real(point, "beta1", base.beta1()),
        real(point, "beta2", base.beta2()),
        schedule,
        whole(point, "warmup_epochs", base.warmupEpochs()),
        base.seed(),
        base.threads(),
        base.earlyStop(),
        base.trainLimit(),
        base.valSize(),
        base.valSplit(),
        point.containsKey("normalize")
            ? Settings.flag("normalize", point.get("normalize"))
            : base.normalize(),
        point.containsKey("init") ? Settings.init(point.get("init")).id() : base.init(),
        base.logEvery(),
        point.containsKey("augment") ? Settings.augment(point.get("augment")) : base.augment(),
        real(point, "label_smoothing", base.labelSmoothing()),
        real(point, "ema", base.ema()));
  }

  /**
   * Returns the canonical spec of the network {@code point} describes, or {@code baseModel} when it
   * names no network parameter. The values must have passed {@link Settings#check}.
   */
  static String model(Map<String, Object> point, String baseModel) {
    boolean mlp = point.keySet().stream().anyMatch(k -> MLP.contains(k) || k.startsWith("units_"));
    boolean cnn =
        point.keySet().stream().anyMatch(k -> CNN.contains(k) || k.startsWith("channels_"));
    if (mlp && cnn) {
      throw new InvalidInputException(
          "a point describes an MLP (layers, units_K) or a CNN "
              + "(conv_layers, channels_K, kernel, pool, dense_units), not both: got "
              + point.keySet());
    }
    if (!mlp && !cnn) {
      for (String shared : SHARED) {
        if (point.containsKey(shared)) {
          throw new InvalidInputException(
              "parameter '"
                  + shared
                  + "' needs a network to "
                  + "apply to: add 'layers' or 'units_1' (MLP), or 'conv_layers' or 'channels_1' "
                  + "(CNN)");
        }
      }
      return baseModel;
    }
    List<Layer> layers = mlp ? mlp(point) : cnn(point);
    return new ModelSpec(layers).canonical();
  }

  private static List<Layer> mlp(Map<String, Object> point) {
    List<Layer> layers = new ArrayList<>();
    int hidden = count(point, "layers", "units_");
    for (int k = 1; k <= hidden; k++) {
      dense(layers, Settings.whole("units_" + k, numbered(point, "units_", k, "layers")), point);
    }
    layers.add(new Layer.Linear(10));
    return layers;
  }

  private static List<Layer> cnn(Map<String, Object> point) {
    List<Layer> layers = new ArrayList<>();
    int convs = count(point, "conv_layers", "channels_");
    int kernel = whole(point, "kernel", 3);
    boolean pool = point.containsKey("pool") && Settings.flag("pool", point.get("pool"));
    for (int k = 1; k <= convs; k++) {
      int channels =
          Settings.whole("channels_" + k, numbered(point, "channels_", k, "conv_layers"));
      layers.add(new Layer.Conv2d(channels, kernel, 1, kernel / 2));
      normAndActivation(layers, point);
      if (pool) {
        layers.add(new Layer.MaxPool(2));
      }
    }
    if (convs > 0) {
      layers.add(new Layer.Flatten());
    }
    int dense = whole(point, "dense_units", 0);
    if (dense > 0) {
      layers.add(new Layer.Linear(dense));
      activation(layers, point);
    }
    dropout(layers, point);
    layers.add(new Layer.Linear(10));
    return layers;
  }

  /** Adds one hidden block: linear, optional batchnorm, activation, optional dropout. */
  private static void dense(List<Layer> layers, int units, Map<String, Object> point) {
    layers.add(new Layer.Linear(units));
    normAndActivation(layers, point);
    dropout(layers, point);
  }

  private static void normAndActivation(List<Layer> layers, Map<String, Object> point) {
    if (point.containsKey("batch_norm") && Settings.flag("batch_norm", point.get("batch_norm"))) {
      layers.add(new Layer.BatchNorm());
    }
    activation(layers, point);
  }

  private static void activation(List<Layer> layers, Map<String, Object> point) {
    String activation =
        point.containsKey("activation") ? Settings.activation(point.get("activation")) : "relu";
    layers.add(
        switch (activation) {
          case "gelu" -> new Layer.Gelu();
          case "tanh" -> new Layer.Tanh();
          case "sigmoid" -> new Layer.Sigmoid();
          case "leaky_relu" -> new Layer.LeakyRelu(Layer.LeakyRelu.DEFAULT_SLOPE);
          default -> new Layer.Relu();
        });
  }

  private static void dropout(List<Layer> layers, Map<String, Object> point) {
    double p = real(point, "dropout", 0);
    // A dropout of 0 is the search's way of saying "no dropout", not a layer that does nothing.
    if (p > 0) {
      layers.add(new Layer.Dropout(p));
    }
  }

  /** Returns the block count, or how many of prefix_1, prefix_2, ... the point gives. */
  private static int count(Map<String, Object> point, String countName, String prefix) {
    if (point.containsKey(countName)) {
      return Settings.whole(countName, point.get(countName));
    }
    int k = 0;
    while (point.containsKey(prefix + (k + 1))) {
      k++;
    }
    return k;
  }

  private static Object numbered(
      Map<String, Object> point, String prefix, int k, String countName) {
    Object value = point.get(prefix + k);
    if (value == null) {
      throw new InvalidInputException(
          "parameter '"
              + countName
              + "' is "
              + point.get(countName)
              + " but the point has no '"
              + prefix
              + k
              + "'");
    }
    return value;
  }

  private static int whole(Map<String, Object> point, String name, int fallback) {
    return point.containsKey(name) ? Settings.whole(name, point.get(name)) : fallback;
  }

  private static double real(Map<String, Object> point, String name, double fallback) {
    return point.containsKey(name) ? Settings.real(name, point.get(name)) : fallback;
  }
}
