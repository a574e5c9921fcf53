package dev.mnistlab.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;

/**
 * Writes the parameters of one-layer networks ({@code linear(N)}) set by hand, whose outputs can be
 * worked out on paper: with zero weights every image gets softmax(biases).
 */
public final class HandSetModels {
  private HandSetModels() {}

  /**
   * Returns the saved parameters of {@code linear(biases.length)} over {@code inputs} values, with
   * zero weights and these biases.
   */
  public static byte[] constant(int inputs, float... biases) {
    SequentialBlock block =
        new SequentialBlock().add(Linear.builder().setUnits(biases.length).build());
    try (NDManager manager = NDManager.newBaseManager()) {
      block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
      for (Parameter p : block.getParameters().values()) {
        long size = p.getArray().getShape().size();
        p.getArray()
            .set(
                FloatBuffer.wrap(
                    p.getArray().getShape().dimension() == 1 ? biases : new float[(int) size]));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Classifier.saveParameters(block, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the biases whose softmax is {@code probabilities} (their logs). */
  public static float[] logits(double... probabilities) {
    float[] out = new float[probabilities.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = (float) Math.log(probabilities[k]);
    }
    return out;
  }
}
