package dev.mnistlab.model;

import ai.djl.nn.SequentialBlock;
import dev.mnistlab.InvalidInputException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Holds a checked network for MNIST: a list of layers whose shapes fit a 784-value input and whose
 * output is 10 logits.
 *
 * <p>A spec is written like a PyTorch {@code nn.Sequential}, for example {@code
 * linear(512),relu,linear(256),relu,linear(10)} or {@code
 * conv2d(32,3),relu,maxpool(2),flatten,linear(10)}. Every instance has passed the syntax, argument
 * and shape rules, so {@link #describe()} and {@link #build()} do not fail on user input. {@link
 * #canonical()} gives text that {@link #parse(String)} reads back to an equal spec, which makes it
 * the form to store in configs. Instances are immutable and thread-safe.
 *
 * @param layers the layers in order, at least one
 */
public record ModelSpec(List<Layer> layers) {

  /**
   * Checks the layers' shapes and output size.
   *
   * @throws InvalidInputException if a layer does not fit the shape before it or the model does not
   *     output 10 values
   */
  public ModelSpec {
    if (layers == null || layers.isEmpty()) {
      throw new InvalidInputException("model spec must not be empty, got \"\"");
    }
    layers = List.copyOf(layers);
    Shapes.infer(layers);
  }

  /**
   * Parses spec text such as {@code linear(64),relu,linear(10)}: comma-separated layers,
   * case-insensitive names, whitespace allowed between tokens.
   *
   * @throws InvalidInputException with a one-line message naming the rule, the place and the value
   *     when the text is malformed, names an unknown layer, passes wrong arguments, or describes a
   *     network whose shapes do not fit
   */
  public static ModelSpec parse(String text) {
    return new ModelSpec(SpecParser.parse(text));
  }

  /** Returns the layer names this language accepts, in the order error messages list them. */
  public static List<String> layerNames() {
    return SpecParser.NAMES;
  }

  /** Returns the canonical text, lower case without spaces, that parses back to this spec. */
  public String canonical() {
    return layers.stream().map(Layer::canonical).collect(Collectors.joining(","));
  }

  /** Returns {@link #canonical()}. */
  @Override
  public String toString() {
    return canonical();
  }

  /** Returns true when the model reshapes its flat input to 1x28x28 for a convolution. */
  public boolean takesImage() {
    return Shapes.takesImage(layers);
  }

  /** Returns each layer's output shape and parameter count, and the total. */
  public ModelSummary describe() {
    Shapes.Inferred inferred = Shapes.infer(layers);
    List<ModelSummary.Row> rows =
        IntStream.range(0, layers.size())
            .mapToObj(
                i ->
                    new ModelSummary.Row(
                        i + 1,
                        layers.get(i).canonical(),
                        inferred.outputs().get(i).text(),
                        inferred.parameters().get(i)))
            .collect(Collectors.toList());
    long total = inferred.parameters().stream().mapToLong(Long::longValue).sum();
    return new ModelSummary(inferred.input().text(), rows, total);
  }

  /** Returns the number of trainable parameters, as PyTorch counts them. */
  public long parameterCount() {
    return describe().totalParameters();
  }

  /**
   * Returns the multiply-adds of one example's forward pass through the linear layers and
   * convolutions, the work that sets a run's time: {@code in * out} for a linear layer, {@code out
   * * in * k * k} per output position for a convolution.
   */
  public long multiplyAdds() {
    return Shapes.infer(layers).multiplyAdds();
  }

  /**
   * Estimates the memory training this network needs (see {@link MemoryEstimate}).
   *
   * @param batchSize examples per training step, at least 1
   * @param optimizer the optimizer's name, for messages
   * @param optimizerCopies copies of the parameters the optimizer keeps as state
   */
  public MemoryEstimate memory(int batchSize, String optimizer, int optimizerCopies) {
    Shapes.Inferred inferred = Shapes.infer(layers);
    // Shapes has checked that neither sum passes a long.
    long parameters = inferred.parameters().stream().mapToLong(Long::longValue).sum();
    long activations =
        inferred.input().count() + inferred.outputs().stream().mapToLong(Shapes.Dims::count).sum();
    return new MemoryEstimate(parameters, activations, batchSize, optimizer, optimizerCopies);
  }

  /** Returns warnings about layers that train but are likely mistakes; empty when none. */
  public List<LintWarning> lint() {
    return Lint.warnings(layers);
  }

  /**
   * Returns the lowest training loss softmax cross-entropy can reach with this model, when its last
   * layer bounds the logits (sigmoid, softmax: ln(1+9/e) = 1.4612; tanh: ln(1+9/e^2) = 0.7966), or
   * empty when the logits are unbounded.
   */
  public OptionalDouble lossFloor() {
    return Lint.lossFloor(layers);
  }

  /**
   * Builds a fresh, uninitialised DJL block that maps a float32 (batch, 784) input to (batch, 10)
   * logits.
   *
   * <p>Initialise it (for example {@code trainer.initialize(new Shape(1, 784))}) and then call
   * {@link Init#apply} so the starting weights depend on the seed only.
   */
  public SequentialBlock build() {
    return BlockBuilder.build(layers);
  }
}
