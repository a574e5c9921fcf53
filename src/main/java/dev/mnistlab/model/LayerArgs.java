package dev.mnistlab.model;

import dev.mnistlab.InvalidInputException;
import java.util.List;

/**
 * Turns a layer name and its argument tokens into a {@link Layer} record.
 *
 * <p>Kept apart from {@link SpecParser} so the syntax and the meaning of each layer's arguments can
 * be read, and changed, one at a time. Range rules (units >= 1, p in [0, 1)) live in the record
 * constructors so that layers built in code obey them too.
 */
final class LayerArgs {
  private LayerArgs() {}

  /** Builds the layer, or throws when the count or kind of arguments is wrong. */
  static Layer build(String name, List<String> args, String layerText) {
    switch (name) {
      case "linear":
        expect(name, args, 1, 1, "1 argument (units)", layerText);
        return new Layer.Linear(whole(name + " units", args.get(0), 1, layerText));
      case "relu":
        expect(name, args, 0, 0, "no arguments", layerText);
        return new Layer.Relu();
      case "sigmoid":
        expect(name, args, 0, 0, "no arguments", layerText);
        return new Layer.Sigmoid();
      case "tanh":
        expect(name, args, 0, 0, "no arguments", layerText);
        return new Layer.Tanh();
      case "gelu":
        expect(name, args, 0, 0, "no arguments", layerText);
        return new Layer.Gelu();
      case "leaky_relu":
        expect(name, args, 0, 1, "0 or 1 arguments (slope)", layerText);
        return new Layer.LeakyRelu(
            args.isEmpty() ? Layer.LeakyRelu.DEFAULT_SLOPE : Double.parseDouble(args.get(0)));
      case "softmax":
        expect(name, args, 0, 0, "no arguments", layerText);
        return new Layer.Softmax();
      case "dropout":
        expect(name, args, 1, 1, "1 argument (p)", layerText);
        return new Layer.Dropout(Double.parseDouble(args.get(0)));
      case "batchnorm":
        expect(name, args, 0, 0, "no arguments", layerText);
        return new Layer.BatchNorm();
      case "flatten":
        expect(name, args, 0, 0, "no arguments", layerText);
        return new Layer.Flatten();
      case "conv2d":
        expect(name, args, 2, 4, "2 to 4 arguments (out, kernel, stride, padding)", layerText);
        return new Layer.Conv2d(
            whole("conv2d out channels", args.get(0), 1, layerText),
            whole("conv2d kernel", args.get(1), 1, layerText),
            args.size() > 2 ? whole("conv2d stride", args.get(2), 1, layerText) : 1,
            args.size() > 3 ? whole("conv2d padding", args.get(3), 0, layerText) : 0);
      case "maxpool":
        expect(name, args, 1, 1, "1 argument (kernel)", layerText);
        return new Layer.MaxPool(whole("maxpool kernel", args.get(0), 1, layerText));
      case "avgpool":
        expect(name, args, 1, 1, "1 argument (kernel)", layerText);
        return new Layer.AvgPool(whole("avgpool kernel", args.get(0), 1, layerText));
      case "gap":
        expect(name, args, 0, 0, "no arguments", layerText);
        return new Layer.GlobalAvgPool();
      default:
        // SpecParser rejects unknown names first, so reaching here is a bug in this class.
        throw new IllegalStateException("no argument rule for layer " + name);
    }
  }

  private static void expect(
      String name, List<String> args, int min, int max, String takes, String layerText) {
    if (args.size() < min || args.size() > max) {
      throw new InvalidInputException(
          name + " takes " + takes + ", got " + args.size() + " in \"" + layerText + "\"");
    }
  }

  /**
   * Returns the token as an int, or throws: a fraction is not a whole number, and a whole number
   * beyond an int is out of the argument's range ({@code min} up to 2147483647, the most the
   * engine's shapes hold). Values from 0 to below {@code min} are left to the record's own rule, so
   * parsed and built layers say the same.
   */
  private static int whole(String what, String token, int min, String layerText) {
    double value = Double.parseDouble(token);
    if (Math.abs(value) > Integer.MAX_VALUE) {
      throw new InvalidInputException(
          what
              + " must be between "
              + min
              + " and "
              + Integer.MAX_VALUE
              + ", got "
              + token
              + " in \""
              + layerText
              + "\"");
    }
    if (value != Math.rint(value)) {
      throw new InvalidInputException(
          what + " must be a whole number, got " + token + " in \"" + layerText + "\"");
    }
    return (int) value;
  }
}
