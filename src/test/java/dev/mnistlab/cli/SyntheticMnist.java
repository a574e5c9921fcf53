package dev.mnistlab.cli;

import dev.mnistlab.data.IdxFixtures;
import dev.mnistlab.data.MnistFile;
import java.nio.file.Path;

/**
 * Writes MNIST-like IDX sets big enough to train on for a few steps, in milliseconds.
 *
 * <p>{@link IdxFixtures#smallSet} has 20 training images, too few to hold out a validation split
 * and still fill a batch; this writes the same kind of images (a shared ramp whose first pixel is
 * the image's index) with labels cycling through 0-9, in any number.
 */
public final class SyntheticMnist {
  /** Training images in {@link #write(Path)}'s set. */
  public static final int TRAIN = 120;

  /** Test images in {@link #write(Path)}'s set. */
  public static final int TEST = 30;

  private SyntheticMnist() {}

  /** Writes {@value #TRAIN} training and {@value #TEST} test images into {@code dir}. */
  public static Path write(Path dir) {
    IdxFixtures.write(dir.resolve(MnistFile.TRAIN_IMAGES.fileName()), IdxFixtures.images(TRAIN));
    IdxFixtures.write(
        dir.resolve(MnistFile.TRAIN_LABELS.fileName()),
        IdxFixtures.labels(IdxFixtures.cycle(TRAIN)));
    IdxFixtures.write(dir.resolve(MnistFile.TEST_IMAGES.fileName()), IdxFixtures.images(TEST));
    IdxFixtures.write(
        dir.resolve(MnistFile.TEST_LABELS.fileName()), IdxFixtures.labels(IdxFixtures.cycle(TEST)));
    return dir;
  }
}
