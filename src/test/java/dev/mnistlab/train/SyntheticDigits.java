package dev.mnistlab.train;

import dev.mnistlab.data.DataProvenance;
import dev.mnistlab.data.Dataset;
import dev.mnistlab.data.MnistFile;
import dev.mnistlab.data.SplitMode;
import dev.mnistlab.data.SplitOptions;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Builds small, easily learnt stand-ins for MNIST: class k lights up row band k of the 28x28 image,
 * over faint noise, so a small network learns it in a few epochs.
 */
final class SyntheticDigits {
  private SyntheticDigits() {}

  /** Returns a dataset with learnable train, validation and test parts. */
  static Dataset dataset(int train, int val, int test) {
    return dataset(train, val, test, false);
  }

  /**
   * Returns a dataset whose validation labels are random when {@code noisyValidation}, so that
   * validation loss rises once the network fits the training part.
   */
  static Dataset dataset(int train, int val, int test, boolean noisyValidation) {
    Random random = new Random(7);
    int[] trainY = labels(train, random);
    int[] valY = labels(val, random);
    int[] testY = labels(test, random);
    float[] trainX = images(trainY, random);
    float[] valX = images(valY, random);
    float[] testX = images(testY, random);
    if (noisyValidation) {
      for (int i = 0; i < valY.length; i++) {
        valY[i] = random.nextInt(10);
      }
    }
    Map<MnistFile, String> sums = new EnumMap<>(MnistFile.class);
    Map<MnistFile, String> sources = new EnumMap<>(MnistFile.class);
    for (MnistFile file : MnistFile.values()) {
      sums.put(file, "0".repeat(64));
      sources.put(file, "synthetic");
    }
    return new Dataset(
        trainX,
        trainY,
        valX,
        valY,
        testX,
        testY,
        new SplitOptions(val, SplitMode.LAST, 0, null),
        new DataProvenance(Path.of("synthetic"), false, sums, sources));
  }

  private static int[] labels(int n, Random random) {
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(10);
    }
    return y;
  }

  private static float[] images(int[] labels, Random random) {
    float[] x = new float[labels.length * 784];
    for (int i = 0; i < labels.length; i++) {
      for (int p = 0; p < 784; p++) {
        int row = p / 28;
        boolean lit = row >= 2 + labels[i] * 2 && row < 4 + labels[i] * 2;
        x[i * 784 + p] = lit ? 0.6f + 0.4f * random.nextFloat() : 0.2f * random.nextFloat();
      }
    }
    return x;
  }
}
