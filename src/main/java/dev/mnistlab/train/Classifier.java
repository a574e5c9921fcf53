package dev.mnistlab.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.mnistlab.InvalidInputException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Classifies images with a trained network whose parameters were saved by {@link #saveParameters}
 * (or with a network still in training, {@link #of}). Holds native memory until closed; not
 * thread-safe.
 */
public final class Classifier implements AutoCloseable {
  /** Images sent to the engine at once: a CNN's activations for 10,000 would take gigabytes. */
  private static final int CHUNK = 1000;

  private static final int PIXELS = 784;

  private final NDManager manager;
  private final Block block;
  private final ParameterStore store;
  private final int classes;

  private Classifier(NDManager manager, Block block) {
    this.manager = manager;
    this.block = block;
    this.store = new ParameterStore(manager, false);
    this.classes = probe();
  }

  /**
   * Returns a classifier over {@code block}, a network that is initialised and owned by someone
   * else (a run that just finished); closing it frees only its own scratch memory.
   */
  public static Classifier of(Block block) {
    NDManager scratch = NDManager.newBaseManager();
    try {
      return new Classifier(scratch, block);
    } catch (RuntimeException e) {
      scratch.close();
      throw e;
    }
  }

  /** Writes the parameters of a trained {@code block} to {@code out}. */
  public static void saveParameters(Block block, OutputStream out) throws IOException {
    block.saveParameters(new DataOutputStream(out));
  }

  /**
   * Loads the parameters in {@code in} into {@code block}, a fresh block of the same spec.
   *
   * @throws InvalidInputException when the parameters do not fit the block
   */
  public static Classifier load(Block block, InputStream in) throws IOException {
    NDManager manager = NDManager.newBaseManager();
    try {
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 784));
      block.loadParameters(manager, new DataInputStream(in));
      return new Classifier(manager, block);
    } catch (InvalidInputException e) {
      manager.close();
      throw e;
    } catch (MalformedModelException e) {
      manager.close();
      throw new InvalidInputException(
          "the saved parameters are damaged or not a parameter " + "file (" + e.getMessage() + ")",
          e);
    } catch (RuntimeException e) {
      manager.close();
      throw new InvalidInputException(
          "saved parameters do not fit the model spec: " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * Returns how many classes the network gives a probability for: its output's width, measured on a
   * blank image, since DJL loads parameters of another shape without a word.
   */
  public int classes() {
    return classes;
  }

  /**
   * Returns, for each of the {@code n} images in {@code pixels}, the probability of each of the
   * {@link #classes()} classes: the softmax of the network's output, in inference mode.
   */
  public float[][] probabilities(float[] pixels, int n) {
    float[][] out = new float[n][];
    for (int from = 0; from < n; from += CHUNK) {
      int count = Math.min(CHUNK, n - from);
      try (NDManager scope = manager.newSubManager()) {
        NDArray x = scope.create(slice(pixels, from, count), new Shape(count, PIXELS));
        NDArray p = block.forward(store, new NDList(x), false).singletonOrThrow().softmax(1);
        float[] flat = p.toFloatArray();
        int width = flat.length / count;
        for (int i = 0; i < count; i++) {
          out[from + i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
      }
    }
    return out;
  }

  private static float[] slice(float[] pixels, int from, int count) {
    if (from == 0 && pixels.length == count * PIXELS) {
      return pixels;
    }
    return java.util.Arrays.copyOfRange(pixels, from * PIXELS, (from + count) * PIXELS);
  }

  /** Runs a blank image through the network and returns its output's width. */
  private int probe() {
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.zeros(new Shape(1, PIXELS));
      NDArray y;
      try {
        y = block.forward(store, new NDList(x), false).singletonOrThrow();
      } catch (RuntimeException e) {
        throw new InvalidInputException(
            "its parameters do not take images of "
                + PIXELS
                + " pixels ("
                + firstLine(e.getMessage())
                + ")",
            e);
      }
      return (int) (y.getShape().size() / y.getShape().get(0));
    }
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("").strip();
  }

  @Override
  public void close() {
    manager.close();
  }
}
