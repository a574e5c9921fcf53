package dev.mnistlab.data;

import java.util.Objects;

/**
 * Holds the training, validation and test parts a trainer needs, as contiguous arrays.
 *
 * <p>Images are row-major, 784 floats each, of shape {@link #imageShape()}; labels are 0-9. The
 * arrays are shared, not copied: callers must not write to them. The validation part is what model
 * selection and pruning look at; the test part is only ever reported.
 *
 * @param trainX training images, {@code trainSize() * 784} floats
 * @param trainY training labels
 * @param valX validation images; empty when {@code valSize} is 0
 * @param valY validation labels
 * @param testX test images
 * @param testY test labels
 * @param split how the parts were chosen
 * @param provenance checksums and sources of the files
 */
public record Dataset(
    float[] trainX,
    int[] trainY,
    float[] valX,
    int[] valY,
    float[] testX,
    int[] testY,
    SplitOptions split,
    DataProvenance provenance) {

  /** Checks that every part has as many images as labels. */
  public Dataset {
    MnistData.checkPair(trainX, trainY, "train");
    MnistData.checkPair(valX, valY, "val");
    MnistData.checkPair(testX, testY, "test");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(provenance, "provenance");
  }

  /** Returns the number of training images. */
  public int trainSize() {
    return trainY.length;
  }

  /** Returns the number of validation images. */
  public int valSize() {
    return valY.length;
  }

  /** Returns the number of test images. */
  public int testSize() {
    return testY.length;
  }

  /** Returns the shape of one image, channels first: {@code {1, 28, 28}}. */
  public int[] imageShape() {
    return new int[] {1, MnistData.ROWS, MnistData.COLS};
  }

  /** Returns the number of classes, 10. */
  public int numClasses() {
    return MnistData.NUM_CLASSES;
  }
}
