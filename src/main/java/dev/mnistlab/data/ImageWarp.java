package dev.mnistlab.data;

/**
 * Warps one 28x28 image by a rotation, scaling and shift about its centre, optionally displaced
 * further by a per-pixel field, sampling the source bilinearly.
 *
 * <p>This is the deterministic core of augmentation: the same parameters always give the same
 * pixels. Each output pixel looks up where it came from (the inverse warp), so every output pixel
 * gets exactly one value and no holes appear; source positions outside the image read {@code
 * background}. Stateless and thread-safe.
 */
public final class ImageWarp {
  /** Counts the pixels of a side of an image. */
  public static final int SIDE = MnistData.ROWS;

  // Pixel centres run 0..27, so the image turns about 13.5: a quarter turn maps pixels onto
  // pixels, and the identity reads every pixel exactly.
  private static final double CENTRE = (SIDE - 1) / 2.0;

  private ImageWarp() {}

  /**
   * Writes into {@code dst} the image of {@code src} turned by {@code degrees} (counter-clockwise
   * as displayed, rows running down), scaled by {@code scale}, then moved {@code dx} pixels right
   * and {@code dy} down; when {@code fieldX} is not null, each output pixel (r, c) first moves to
   * (r + fieldY, c + fieldX) before the warp is undone, as in Simard et al. 2003.
   *
   * @param src images, 784 floats each, row-major
   * @param srcOffset index of the first pixel of the source image
   * @param dst where the warped image goes
   * @param dstOffset index of its first pixel
   * @param fieldX displacement along columns per output pixel, or null for none
   * @param fieldY displacement along rows per output pixel, or null for none
   * @param background the value read outside the source image (0, or the normalised 0)
   */
  public static void warp(
      float[] src,
      int srcOffset,
      float[] dst,
      int dstOffset,
      double degrees,
      double scale,
      double dx,
      double dy,
      float[] fieldX,
      float[] fieldY,
      float background) {
    double radians = Math.toRadians(degrees);
    double cos = Math.cos(radians) / scale;
    double sin = Math.sin(radians) / scale;
    for (int r = 0; r < SIDE; r++) {
      for (int c = 0; c < SIDE; c++) {
        int p = r * SIDE + c;
        double u = c - CENTRE - dx;
        double v = r - CENTRE - dy;
        if (fieldX != null) {
          u += fieldX[p];
          v += fieldY[p];
        }
        // The inverse of turning counter-clockwise on screen (y down) and scaling.
        double sx = u * cos - v * sin + CENTRE;
        double sy = u * sin + v * cos + CENTRE;
        dst[dstOffset + p] = sample(src, srcOffset, sx, sy, background);
      }
    }
  }

  /** Returns the bilinear interpolation of the source at column {@code x}, row {@code y}. */
  static float sample(float[] src, int offset, double x, double y, float background) {
    if (x <= -1 || y <= -1 || x >= SIDE || y >= SIDE) {
      return background;
    }
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    double top =
        (1 - fx) * pixel(src, offset, y0, x0, background)
            + fx * pixel(src, offset, y0, x0 + 1, background);
    double bottom =
        (1 - fx) * pixel(src, offset, y0 + 1, x0, background)
            + fx * pixel(src, offset, y0 + 1, x0 + 1, background);
    return (float) ((1 - fy) * top + fy * bottom);
  }

  private static float pixel(float[] src, int offset, int r, int c, float background) {
    if (r < 0 || c < 0 || r >= SIDE || c >= SIDE) {
      return background;
    }
    return src[offset + r * SIDE + c];
  }
}
