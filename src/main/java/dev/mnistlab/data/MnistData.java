package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Holds a whole MNIST-like set in memory as float32, loaded once and split as often as needed.
 *
 * <p>Images are row-major, {@value #PIXELS} floats each, in [0, 1] or, when normalised, {@code (x -
 * 0.1307) / 0.3081}. The arrays are shared, not copied: callers must not write to them. Immutable
 * otherwise, and safe to share between threads.
 *
 * @param trainX the 60,000 (or so) training images, {@code trainY.length * 784} floats
 * @param trainY the training labels, 0-9
 * @param testX the test images
 * @param testY the test labels
 * @param normalized whether the pixels were standardised with {@link #MEAN} and {@link #STD}
 * @param provenance checksums and sources of the four files
 */
public record MnistData(
    float[] trainX,
    int[] trainY,
    float[] testX,
    int[] testY,
    boolean normalized,
    DataProvenance provenance) {
  /** Counts the rows of an image. */
  public static final int ROWS = IdxReader.ROWS;

  /** Counts the columns of an image. */
  public static final int COLS = IdxReader.COLS;

  /** Counts the pixels of an image. */
  public static final int PIXELS = ROWS * COLS;

  /** Counts the classes. */
  public static final int NUM_CLASSES = IdxReader.NUM_CLASSES;

  /** Gives the mean pixel of the MNIST training set, in [0, 1] units. */
  public static final float MEAN = 0.1307f;

  /** Gives the standard deviation of the MNIST training pixels, in [0, 1] units. */
  public static final float STD = 0.3081f;

  /** Checks that images and labels agree in number. */
  public MnistData {
    checkPair(trainX, trainY, "train");
    checkPair(testX, testY, "test");
    Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * Loads and checks the four files of {@code dir}; takes about a second for full MNIST.
   *
   * @param dir a directory holding the four files, raw or {@code .gz}
   * @param normalize whether to standardise pixels with {@link #MEAN} and {@link #STD}
   * @throws InvalidInputException if a file is missing or malformed, if images and labels differ in
   *     number, or if a fetched MNIST copy fails its checksum
   */
  public static MnistData load(Path dir, boolean normalize) {
    RawMnist raw = RawMnist.read(dir.toAbsolutePath().normalize());
    float[] table = new float[256];
    for (int b = 0; b < 256; b++) {
      float x = b / 255f;
      table[b] = normalize ? (x - MEAN) / STD : x;
    }
    return new MnistData(
        toFloats(raw.trainImages().pixels(), table),
        toInts(raw.trainLabels().labels()),
        toFloats(raw.testImages().pixels(), table),
        toInts(raw.testLabels().labels()),
        normalize,
        raw.provenance());
  }

  /** Returns the number of training images, validation included. */
  public int trainCount() {
    return trainY.length;
  }

  /** Returns the number of test images. */
  public int testCount() {
    return testY.length;
  }

  /**
   * Splits the training images into training and validation parts and copies each into its own
   * contiguous array; the test arrays are shared.
   *
   * @throws InvalidInputException {@code validation size must be between 0 and 59999, got 70000},
   *     or a train limit beyond the training part
   */
  public Dataset split(SplitOptions options) {
    SplitIndices indices = SplitIndices.compute(trainCount(), options);
    return new Dataset(
        gatherImages(indices.train()),
        gatherLabels(indices.train()),
        gatherImages(indices.val()),
        gatherLabels(indices.val()),
        testX,
        testY,
        options,
        provenance);
  }

  /**
   * Returns the validation and test parts of the split {@code options} describes, with an empty
   * training part: what scoring a saved model needs, without copying the training images.
   *
   * @throws InvalidInputException as {@link #split} does
   */
  public Dataset heldOut(SplitOptions options) {
    SplitIndices indices = SplitIndices.compute(trainCount(), options);
    return new Dataset(
        new float[0],
        new int[0],
        gatherImages(indices.val()),
        gatherLabels(indices.val()),
        testX,
        testY,
        options,
        provenance);
  }

  private float[] gatherImages(int[] indices) {
    float[] out = new float[indices.length * PIXELS];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(trainX, indices[i] * PIXELS, out, i * PIXELS, PIXELS);
    }
    return out;
  }

  private int[] gatherLabels(int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = trainY[indices[i]];
    }
    return out;
  }

  private static float[] toFloats(byte[] pixels, float[] table) {
    float[] out = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = table[pixels[i] & 0xff];
    }
    return out;
  }

  private static int[] toInts(byte[] labels) {
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i];
    }
    return out;
  }

  static void checkPair(float[] x, int[] y, String part) {
    Objects.requireNonNull(x, part + "X");
    Objects.requireNonNull(y, part + "Y");
    if (x.length != (long) y.length * PIXELS) {
      throw new IllegalArgumentException(
          String.format(
              "%sX must hold %d floats for %d labels, got %d",
              part, (long) y.length * PIXELS, y.length, x.length));
    }
  }
}
