package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Draws training images beside augmented copies of them as one PNG grid: a row per image, the
 * original first, then the copies epochs 1, 2, ... of a run with the same seed would train on.
 *
 * <p>Pixels are drawn dark on white, each image pixel as a {@value #ZOOM}x{@value #ZOOM} square,
 * with one-pixel grey lines between cells. Stateless and thread-safe.
 */
public final class AugmentPreview {
  /** Screen pixels per image pixel along each side. */
  public static final int ZOOM = 3;

  /** The most originals or copies a preview draws: enough to judge a spec, small to look at. */
  public static final int MAX = 100;

  private static final int CELL = ImageWarp.SIDE * ZOOM;
  private static final int LINE = 0x999999;

  private AugmentPreview() {}

  /** Returns the width in pixels of a preview with {@code copies} copies per row. */
  public static int width(int copies) {
    return (copies + 1) * CELL + copies + 3;
  }

  /** Returns the height in pixels of a preview of {@code count} originals. */
  public static int height(int count) {
    return count * CELL + count + 1;
  }

  /**
   * Returns the PNG of {@code count} training images of {@code data}, chosen with {@code seed},
   * each beside {@code copies} augmented copies.
   *
   * @throws InvalidInputException if count or copies is not between 1 and {@value #MAX}, or the
   *     training set has fewer than {@code count} images
   */
  public static byte[] png(MnistData data, AugmentSpec spec, int count, int copies, long seed) {
    between("--count", count);
    between("--copies", copies);
    int n = data.trainY().length;
    if (count > n) {
      throw new InvalidInputException(
          "--count must be at most the " + n + " training images, got " + count);
    }
    Augmenter augmenter = new Augmenter(spec, seed, Augmenter.background(data.normalized()));
    BufferedImage grid =
        new BufferedImage(width(copies), height(count), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < grid.getHeight(); y++) {
      for (int x = 0; x < grid.getWidth(); x++) {
        grid.setRGB(x, y, LINE);
      }
    }
    int[] chosen = choose(n, count, seed);
    float[] copy = new float[ImageWarp.SIDE * ImageWarp.SIDE];
    for (int row = 0; row < count; row++) {
      int index = chosen[row];
      draw(grid, data.trainX(), index * copy.length, row, 0, data.normalized());
      for (int epoch = 1; epoch <= copies; epoch++) {
        augmenter.augment(data.trainX(), index, epoch, copy, 0);
        draw(grid, copy, 0, row, epoch, data.normalized());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(grid, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Returns {@code count} distinct indices below {@code n}, drawn with {@code seed}. */
  static int[] choose(int n, int count, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return Arrays.copyOf(all, count);
  }

  private static void draw(
      BufferedImage grid, float[] pixels, int offset, int row, int col, boolean normalized) {
    // The original column is followed by a double line, setting it apart from the copies.
    int left = 1 + col * (CELL + 1) + (col > 0 ? 1 : 0);
    int top = 1 + row * (CELL + 1);
    for (int r = 0; r < ImageWarp.SIDE; r++) {
      for (int c = 0; c < ImageWarp.SIDE; c++) {
        float v = pixels[offset + r * ImageWarp.SIDE + c];
        double ink = normalized ? v * MnistData.STD + MnistData.MEAN : v;
        int grey = 255 - (int) Math.round(255 * Math.max(0, Math.min(1, ink)));
        int rgb = grey << 16 | grey << 8 | grey;
        for (int dy = 0; dy < ZOOM; dy++) {
          for (int dx = 0; dx < ZOOM; dx++) {
            grid.setRGB(left + c * ZOOM + dx, top + r * ZOOM + dy, rgb);
          }
        }
      }
    }
  }

  private static void between(String flag, int value) {
    if (value < 1 || value > MAX) {
      throw new InvalidInputException(flag + " must be between 1 and " + MAX + ", got " + value);
    }
  }
}
