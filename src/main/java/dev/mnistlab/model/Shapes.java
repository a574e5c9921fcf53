package dev.mnistlab.model;

import dev.mnistlab.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Infers the shape after each layer and counts parameters the way PyTorch counts them.
 *
 * <p>Shapes leave out the batch axis. The input is 784 flat values when the first layer that cares
 * about shape is {@code linear}, and 1x28x28 when it is a convolution or a pooling (global average
 * pooling included); {@link BlockBuilder} reshapes the flat MNIST batch to match.
 */
final class Shapes {
  static final int CLASSES = 10;
  static final int SIDE = 28;

  private Shapes() {}

  /** Lists the sizes of one example's tensor: {@code [784]} or {@code [32, 13, 13]}. */
  record Dims(List<Long> sizes) {
    Dims {
      sizes = List.copyOf(sizes);
    }

    static Dims flat(long n) {
      return new Dims(List.of(n));
    }

    static Dims image(long c, long h, long w) {
      return new Dims(List.of(c, h, w));
    }

    boolean isFlat() {
      return sizes.size() == 1;
    }

    /** Returns the number of values; throws ArithmeticException past a long. */
    long count() {
      return sizes.stream().reduce(1L, Math::multiplyExact);
    }

    String text() {
      return sizes.stream().map(String::valueOf).collect(Collectors.joining("x"));
    }
  }

  /**
   * Holds the inferred input, the output after each layer, each layer's parameters and the
   * multiply-adds each linear layer and convolution does for one example going forward.
   */
  record Inferred(Dims input, List<Dims> outputs, List<Long> parameters, long multiplyAdds) {
    Inferred {
      outputs = List.copyOf(outputs);
      parameters = List.copyOf(parameters);
    }
  }

  /** Returns true when the model starts from a 1x28x28 image rather than 784 values. */
  static boolean takesImage(List<Layer> layers) {
    for (Layer layer : layers) {
      if (layer instanceof Layer.Linear) {
        return false;
      }
      if (isSpatial(layer) || layer instanceof Layer.GlobalAvgPool) {
        return true;
      }
    }
    return false;
  }

  /**
   * Infers every shape and checks the output is 10 values, or throws.
   *
   * <p>Counts are exact: a layer whose values or parameters pass 2^63 - 1 is refused by name rather
   * than wrapping round to a negative count.
   */
  static Inferred infer(List<Layer> layers) {
    Dims input = takesImage(layers) ? Dims.image(1, SIDE, SIDE) : Dims.flat(SIDE * SIDE);
    List<Dims> outputs = new ArrayList<>();
    List<Long> parameters = new ArrayList<>();
    Dims current = input;
    String flatBecause = "";
    int index = 0;
    long total = 0;
    long values = input.count();
    long multiplyAdds = 0;
    try {
      for (Layer layer : layers) {
        index++;
        long params = 0;
        if (layer instanceof Layer.Linear linear) {
          if (!current.isFlat()) {
            throw new InvalidInputException(
                "linear at layer "
                    + index
                    + " needs a flat input, got "
                    + current.text()
                    + ": add flatten before it");
          }
          long weights = Math.multiplyExact(current.count(), (long) linear.units());
          params = Math.addExact(weights, linear.units());
          multiplyAdds = saturatedSum(multiplyAdds, weights);
          current = Dims.flat(linear.units());
          flatBecause = " (after linear)";
        } else if (layer instanceof Layer.Flatten) {
          if (!current.isFlat()) {
            flatBecause = " (after flattening)";
          }
          current = Dims.flat(current.count());
        } else if (layer instanceof Layer.BatchNorm) {
          // gamma and beta per feature or channel; running mean and variance are not
          // trained.
          params = Math.multiplyExact(2L, current.sizes().get(0));
        } else if (layer instanceof Layer.GlobalAvgPool) {
          if (current.isFlat()) {
            throw new InvalidInputException(
                "gap at layer "
                    + index
                    + " needs a CxHxW input to average each channel over, got "
                    + current.text()
                    + flatBecause);
          }
          current = Dims.flat(current.sizes().get(0));
          flatBecause = " (after gap)";
        } else if (isSpatial(layer)) {
          if (current.isFlat()) {
            throw new InvalidInputException(
                layer.name()
                    + " at layer "
                    + index
                    + " needs a CxHxW input, got "
                    + current.text()
                    + flatBecause);
          }
          long channels = current.sizes().get(0);
          long side = current.sizes().get(1);
          long width = current.sizes().get(2);
          if (layer instanceof Layer.Conv2d conv) {
            long height = slide(side, conv.kernel(), conv.stride(), conv.padding());
            long across = slide(width, conv.kernel(), conv.stride(), conv.padding());
            if (height < 1 || across < 1) {
              throw new InvalidInputException(
                  "conv2d at layer "
                      + index
                      + " shrinks a side below 1: kernel "
                      + conv.kernel()
                      + ", stride "
                      + conv.stride()
                      + ", padding "
                      + conv.padding()
                      + " on "
                      + current.text());
            }
            params =
                Math.addExact(
                    Math.multiplyExact(
                        Math.multiplyExact(
                            Math.multiplyExact((long) conv.out(), channels), (long) conv.kernel()),
                        (long) conv.kernel()),
                    conv.out());
            current = Dims.image(conv.out(), height, across);
            // Each output value is one weight per input channel and kernel position.
            long perValue = (params - conv.out()) / conv.out();
            multiplyAdds = saturatedSum(multiplyAdds, saturatedProduct(perValue, current.count()));
          } else {
            int kernel = poolKernel(layer);
            long height = slide(side, kernel, kernel, 0);
            long across = slide(width, kernel, kernel, 0);
            if (height < 1 || across < 1) {
              throw new InvalidInputException(
                  layer.name()
                      + " at layer "
                      + index
                      + " shrinks a side below 1: kernel "
                      + kernel
                      + " on "
                      + current.text());
            }
            current = Dims.image(channels, height, across);
          }
        }
        // Activations, dropout and softmax keep the shape and have no parameters.
        outputs.add(current);
        parameters.add(params);
        total = Math.addExact(total, params);
        // The memory estimate adds up every layer's output, so that sum must count too.
        values = Math.addExact(values, current.count());
      }
    } catch (ArithmeticException e) {
      Layer layer = layers.get(index - 1);
      throw new InvalidInputException(
          layer.canonical()
              + " at layer "
              + index
              + " brings the network past "
              + Long.MAX_VALUE
              + " values or parameters, more than any machine holds");
    }
    if (!current.isFlat() || current.count() != CLASSES) {
      throw new InvalidInputException(
          "the model must output " + CLASSES + " values (one per digit), got " + current.text());
    }
    return new Inferred(input, outputs, parameters, multiplyAdds);
  }

  /** Returns true for the layers that slide a window over a CxHxW input and keep it CxHxW. */
  static boolean isSpatial(Layer layer) {
    return layer instanceof Layer.Conv2d
        || layer instanceof Layer.MaxPool
        || layer instanceof Layer.AvgPool;
  }

  private static int poolKernel(Layer layer) {
    return layer instanceof Layer.MaxPool max ? max.kernel() : ((Layer.AvgPool) layer).kernel();
  }

  /**
   * Returns {@code a + b}, or {@link Long#MAX_VALUE} past it: the work of a network that big is
   * only ever compared, so it must not refuse a network the shape rules allow.
   */
  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long saturatedProduct(long a, long b) {
    return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  /** Returns the output side of a sliding window, floor((n + 2p - k) / s) + 1 as PyTorch. */
  private static long slide(long side, int kernel, int stride, int padding) {
    long span = side + 2L * padding - kernel;
    return span < 0 ? 0 : span / stride + 1;
  }
}
