package dev.mnistlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files and MNIST-like directories for tests. */
public final class IdxFixtures {
  private IdxFixtures() {}

  /**
   * Returns an images file: header then {@code count} images of a 0..255 ramp, where the first
   * pixel of image k is k so that every image is different.
   */
  public static byte[] images(int magic, int count, int rows, int cols) {
    ByteBuffer buf = ByteBuffer.allocate(16 + count * rows * cols);
    buf.putInt(magic).putInt(count).putInt(rows).putInt(cols);
    for (int i = 0; i < count * rows * cols; i++) {
      buf.put((byte) (i % 256));
    }
    for (int k = 0; k < count; k++) {
      buf.put(16 + k * rows * cols, (byte) k);
    }
    return buf.array();
  }

  public static byte[] images(int count) {
    return images(IdxReader.IMAGE_MAGIC, count, 28, 28);
  }

  public static byte[] labels(int... labels) {
    ByteBuffer buf = ByteBuffer.allocate(8 + labels.length);
    buf.putInt(IdxReader.LABEL_MAGIC).putInt(labels.length);
    for (int label : labels) {
      buf.put((byte) label);
    }
    return buf.array();
  }

  /** Returns labels 0, 1, ..., 9, 0, 1, ... of the given count. */
  public static int[] cycle(int count) {
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 10;
    }
    return labels;
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static Path write(Path path, byte[] bytes) {
    try {
      Files.createDirectories(path.getParent());
      return Files.write(path, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a well-formed MNIST-like set of 20 training and 10 test images into {@code dir}. */
  public static Path smallSet(Path dir) {
    write(dir.resolve(MnistFile.TRAIN_IMAGES.fileName()), images(20));
    write(dir.resolve(MnistFile.TRAIN_LABELS.fileName()), labels(cycle(20)));
    write(dir.resolve(MnistFile.TEST_IMAGES.fileName()), images(10));
    write(dir.resolve(MnistFile.TEST_LABELS.fileName()), labels(cycle(10)));
    return dir;
  }

  /** Writes the marker that says {@code data fetch} wrote the directory. */
  public static void markFetched(Path dir) {
    write(dir.resolve(SourceMarker.FILE_NAME), "dataset=MNIST\n".getBytes());
  }
}
