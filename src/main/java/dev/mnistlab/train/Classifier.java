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
 * Classifies images with a trained network whose parameters were saved by {@link #saveParameters}.
 * Holds native memory until closed.
 */
public final class Classifier implements AutoCloseable {
  private final NDManager manager;
  private final Block block;
  private final ParameterStore store;

  private Classifier(NDManager manager, Block block) {
    this.manager = manager;
    this.block = block;
    this.store = new ParameterStore(manager, false);
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
    } catch (MalformedModelException e) {
      manager.close();
      throw new InvalidInputException(
          "the saved parameters are damaged or not a parameter " + "file (" + e.getMessage() + ")",
          e);
    } catch (RuntimeException e) {
      manager.close();
      throw new InvalidInputException(
          "saved parameters do not fit the model spec: " + e.getMessage(), e);
    }
  }

  /** Returns, for each of the {@code n} images in {@code pixels}, the 10 class probabilities. */
  public float[][] probabilities(float[] pixels, int n) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(pixels, new Shape(n, 784));
      NDArray p = block.forward(store, new NDList(x), false).singletonOrThrow().softmax(1);
      float[] flat = p.toFloatArray();
      float[][] out = new float[n][10];
      for (int i = 0; i < n; i++) {
        System.arraycopy(flat, i * 10, out[i], 0, 10);
      }
      return out;
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
