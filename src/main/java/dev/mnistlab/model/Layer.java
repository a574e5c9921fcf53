package dev.mnistlab.model;

import dev.mnistlab.InvalidInputException;
import java.math.BigDecimal;

/**
 * Names one layer of a {@link ModelSpec}, with its arguments checked.
 *
 * <p>Each record gives back its canonical spec text through {@link #canonical()}, the form that
 * {@link ModelSpec#parse(String)} reads again to an equal record. Arguments at their defaults are
 * left out of the canonical text, so {@code conv2d(32,3,1,0)} reads back as {@code conv2d(32,3)}.
 */
public sealed interface Layer {

  /** Returns the lower-case layer name used in spec text, for example {@code linear}. */
  String name();

  /** Returns the canonical spec text of this layer, for example {@code linear(64)}. */
  String canonical();

  /** Maps every {@code in} features to {@code units} outputs plus a bias ({@code linear(n)}). */
  record Linear(int units) implements Layer {
    /** Checks that {@code units >= 1}. */
    public Linear {
      requireAtLeast("linear units", units, 1);
    }

    @Override
    public String name() {
      return "linear";
    }

    @Override
    public String canonical() {
      return "linear(" + units + ")";
    }
  }

  /** Applies max(0, x) ({@code relu}). */
  record Relu() implements Layer {
    @Override
    public String name() {
      return "relu";
    }

    @Override
    public String canonical() {
      return name();
    }
  }

  /** Applies 1 / (1 + e^-x) ({@code sigmoid}). */
  record Sigmoid() implements Layer {
    @Override
    public String name() {
      return "sigmoid";
    }

    @Override
    public String canonical() {
      return name();
    }
  }

  /** Applies the hyperbolic tangent ({@code tanh}). */
  record Tanh() implements Layer {
    @Override
    public String name() {
      return "tanh";
    }

    @Override
    public String canonical() {
      return name();
    }
  }

  /** Applies the Gaussian error linear unit ({@code gelu}). */
  record Gelu() implements Layer {
    @Override
    public String name() {
      return "gelu";
    }

    @Override
    public String canonical() {
      return name();
    }
  }

  /** Applies max(0, x) + slope * min(0, x) ({@code leaky_relu} or {@code leaky_relu(a)}). */
  record LeakyRelu(double slope) implements Layer {
    /** Returns the slope PyTorch uses by default, 0.01. */
    public static final double DEFAULT_SLOPE = 0.01;

    /** Checks that the slope is finite and not negative. */
    public LeakyRelu {
      if (!(slope >= 0) || Double.isInfinite(slope)) {
        throw new InvalidInputException(
            "leaky_relu slope must be finite and >= 0, got " + number(slope));
      }
    }

    @Override
    public String name() {
      return "leaky_relu";
    }

    @Override
    public String canonical() {
      return slope == DEFAULT_SLOPE ? name() : name() + "(" + number(slope) + ")";
    }
  }

  /** Turns the last axis into probabilities that sum to 1 ({@code softmax}). */
  record Softmax() implements Layer {
    @Override
    public String name() {
      return "softmax";
    }

    @Override
    public String canonical() {
      return name();
    }
  }

  /**
   * Zeroes each value with probability {@code p} while training and scales the rest by 1/(1-p)
   * ({@code dropout(p)}). After a convolution it drops single activations, as PyTorch's {@code
   * nn.Dropout} does there, not whole channels as {@code nn.Dropout2d}.
   */
  record Dropout(double p) implements Layer {
    /** Checks that {@code p} is in [0, 1). */
    public Dropout {
      if (!(p >= 0 && p < 1)) {
        throw new InvalidInputException("dropout p must be in [0, 1), got " + number(p));
      }
    }

    @Override
    public String name() {
      return "dropout";
    }

    @Override
    public String canonical() {
      return "dropout(" + number(p) + ")";
    }
  }

  /**
   * Normalises each feature or channel over the batch ({@code batchnorm}): after a linear layer
   * each of its n features, after a convolution each channel over the batch and the whole map, as
   * PyTorch's {@code BatchNorm1d} and {@code BatchNorm2d} do.
   */
  record BatchNorm() implements Layer {
    @Override
    public String name() {
      return "batchnorm";
    }

    @Override
    public String canonical() {
      return name();
    }
  }

  /** Turns a CxHxW input into C*H*W flat values ({@code flatten}). */
  record Flatten() implements Layer {
    @Override
    public String name() {
      return "flatten";
    }

    @Override
    public String canonical() {
      return name();
    }
  }

  /** Convolves with {@code out} square kernels ({@code conv2d(out,k[,stride,pad])}). */
  record Conv2d(int out, int kernel, int stride, int padding) implements Layer {
    /** Checks that out, kernel and stride are >= 1 and padding is >= 0. */
    public Conv2d {
      requireAtLeast("conv2d out channels", out, 1);
      requireAtLeast("conv2d kernel", kernel, 1);
      requireAtLeast("conv2d stride", stride, 1);
      requireAtLeast("conv2d padding", padding, 0);
    }

    /** Creates a convolution with stride 1 and no padding, PyTorch's defaults. */
    public Conv2d(int out, int kernel) {
      this(out, kernel, 1, 0);
    }

    @Override
    public String name() {
      return "conv2d";
    }

    @Override
    public String canonical() {
      String args = out + "," + kernel;
      if (padding != 0) {
        args += "," + stride + "," + padding;
      } else if (stride != 1) {
        args += "," + stride;
      }
      return "conv2d(" + args + ")";
    }
  }

  /** Takes the maximum of each k x k window, stride k ({@code maxpool(k)}). */
  record MaxPool(int kernel) implements Layer {
    /** Checks that {@code kernel >= 1}. */
    public MaxPool {
      requireAtLeast("maxpool kernel", kernel, 1);
    }

    @Override
    public String name() {
      return "maxpool";
    }

    @Override
    public String canonical() {
      return "maxpool(" + kernel + ")";
    }
  }

  /** Takes the mean of each k x k window, stride k ({@code avgpool(k)}). */
  record AvgPool(int kernel) implements Layer {
    /** Checks that {@code kernel >= 1}. */
    public AvgPool {
      requireAtLeast("avgpool kernel", kernel, 1);
    }

    @Override
    public String name() {
      return "avgpool";
    }

    @Override
    public String canonical() {
      return "avgpool(" + kernel + ")";
    }
  }

  /**
   * Averages each channel's whole map to one value, CxHxW to C ({@code gap}): global average
   * pooling, PyTorch's {@code nn.AdaptiveAvgPool2d(1)} followed by {@code flatten}.
   */
  record GlobalAvgPool() implements Layer {
    @Override
    public String name() {
      return "gap";
    }

    @Override
    public String canonical() {
      return name();
    }
  }

  private static void requireAtLeast(String what, int value, int min) {
    if (value < min) {
      throw new InvalidInputException(what + " must be >= " + min + ", got " + value);
    }
  }

  /** Writes a number the shortest way that reads back equal: 0.5, 0.0001, 1. */
  private static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
