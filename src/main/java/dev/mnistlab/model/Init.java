package dev.mnistlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.mnistlab.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Chooses how starting weights are drawn ({@code --init}), from a seed alone.
 *
 * <p>Call {@link #apply(Block, long)} after DJL has initialised the block (so every parameter has
 * its shape and array); it overwrites weights and biases in place with values from a {@link
 * SplittableRandom} seeded by the given seed, so the same seed gives the same weights whatever the
 * engine's own random state. Not thread-safe for one block.
 */
public enum Init {
  /**
   * Reproduces PyTorch's default for Linear and Conv2d: Kaiming-uniform with a = sqrt(5), which is
   * U(-1/sqrt(fan_in), 1/sqrt(fan_in)), for weights and biases alike (He et al. 2015, as in
   * torch.nn.Linear.reset_parameters).
   */
  PYTORCH {
    @Override
    void fillWeight(float[] values, long fanIn, long fanOut, SplittableRandom random) {
      uniform(values, 1 / Math.sqrt(fanIn), random);
    }

    @Override
    void fillBias(float[] values, long fanIn, SplittableRandom random) {
      uniform(values, 1 / Math.sqrt(fanIn), random);
    }
  },
  /** Draws Glorot-uniform weights, U(-sqrt(6/(in+out)), +), and zero biases (2010). */
  XAVIER {
    @Override
    void fillWeight(float[] values, long fanIn, long fanOut, SplittableRandom random) {
      uniform(values, Math.sqrt(6.0 / (fanIn + fanOut)), random);
    }
  },
  /** Draws Kaiming-normal weights, N(0, 2/fan_in), and zero biases (He et al. 2015). */
  KAIMING {
    @Override
    void fillWeight(float[] values, long fanIn, long fanOut, SplittableRandom random) {
      normal(values, Math.sqrt(2.0 / fanIn), random);
    }
  },
  /** Draws weights from N(0, 0.01^2), standard deviation 0.01, and zero biases. */
  NORMAL {
    @Override
    void fillWeight(float[] values, long fanIn, long fanOut, SplittableRandom random) {
      normal(values, 0.01, random);
    }
  };

  /** Parses a case-insensitive {@code --init} value such as {@code xavier}. */
  public static Init parse(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Init init : values()) {
      if (init.id().equals(wanted)) {
        return init;
      }
    }
    throw new InvalidInputException(
        "init must be one of "
            + Arrays.stream(values()).map(Init::id).collect(Collectors.joining(", "))
            + ", got \""
            + (text == null ? "" : text)
            + "\"");
  }

  /** Returns the lower-case name used on the command line and in stored configs. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Overwrites the block's weights, biases and batchnorm scales from the seed.
   *
   * <p>Parameters are visited in {@link Block#getParameters()} order; a weight's shape (out, in) or
   * (out, in, k, k) gives fan_in = in*k*k and fan_out = out*k*k, and a bias takes the fan_in of the
   * weight before it. Batchnorm gets gamma 1, beta 0, running mean 0 and running variance 1.
   *
   * @throws IllegalStateException if the block has not been initialised yet
   */
  public void apply(Block block, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long fanIn = -1;
    for (Pair<String, Parameter> pair : block.getParameters()) {
      Parameter parameter = pair.getValue();
      if (!parameter.isInitialized()) {
        throw new IllegalStateException(
            "initialise the block before Init.apply: " + pair.getKey() + " has no array");
      }
      NDArray array = parameter.getArray();
      float[] values = new float[Math.toIntExact(array.size())];
      switch (parameter.getType()) {
        case WEIGHT:
          long[] shape = array.getShape().getShape();
          long field = array.size() / (shape[0] * shape[1]);
          fanIn = shape[1] * field;
          fillWeight(values, fanIn, shape[0] * field, random);
          break;
        case BIAS:
          if (fanIn < 1) {
            throw new IllegalStateException("bias " + pair.getKey() + " has no weight before it");
          }
          fillBias(values, fanIn, random);
          break;
        case GAMMA:
        case RUNNING_VAR:
          Arrays.fill(values, 1f);
          break;
        case BETA:
        case RUNNING_MEAN:
          break;
        default:
          throw new IllegalStateException(
              "no init rule for parameter " + pair.getKey() + " of type " + parameter.getType());
      }
      overwrite(array, values);
    }
  }

  /**
   * Copies {@code values} into {@code array} in place. {@code NDArray.set} would do it in one call,
   * but the PyTorch engine then prints a deprecation warning from native code on every run; a
   * multiply by zero and an add are two calls and say nothing.
   */
  private static void overwrite(NDArray array, float[] values) {
    try (NDManager scope = array.getManager().newSubManager()) {
      NDArray source = scope.create(values, array.getShape());
      array.muli(0).addi(source);
    }
  }

  abstract void fillWeight(float[] values, long fanIn, long fanOut, SplittableRandom random);

  /** Leaves biases at zero unless the scheme says otherwise. */
  void fillBias(float[] values, long fanIn, SplittableRandom random) {
    Arrays.fill(values, 0f);
  }

  private static void uniform(float[] values, double bound, SplittableRandom random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
  }

  /** Draws normals by Box-Muller with StrictMath, so the values match on every JVM. */
  private static void normal(float[] values, double std, SplittableRandom random) {
    for (int i = 0; i < values.length; i += 2) {
      double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
      double angle = 2 * Math.PI * random.nextDouble();
      values[i] = (float) (std * radius * StrictMath.cos(angle));
      if (i + 1 < values.length) {
        values[i + 1] = (float) (std * radius * StrictMath.sin(angle));
      }
    }
  }
}
