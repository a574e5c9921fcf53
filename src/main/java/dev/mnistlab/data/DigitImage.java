package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Turns a picture of one handwritten digit, of any size, into a 28x28 MNIST-style image.
 *
 * <p>It follows how MNIST itself was made (LeCun et al. 1998): the digit is light on a dark
 * background (a dark-on-light picture is inverted), its bounding box is scaled to fit 20x20 keeping
 * its aspect ratio, and it is placed in the 28x28 frame so that its centre of mass sits at the
 * centre.
 */
public final class DigitImage {
  private static final int SIDE = 28;
  private static final int BOX = 20;
  // Pixels at or below this (of 1) count as background when finding the digit's box.
  private static final float INK = 0.15f;

  private DigitImage() {}

  /**
   * Reads the image file at {@code file} (PNG, JPEG, GIF or BMP) and returns 784 pixels in [0,1],
   * row-major, optionally standardised like {@code --normalize}.
   *
   * <p>A picture of more than 100 megapixels is refused from its header, before any pixel is
   * decoded, and a large one is subsampled as it is decoded to at most 2000 pixels on its long
   * side, so memory stays bounded whatever the file holds.
   *
   * @throws InvalidInputException when the file is missing, a directory, unreadable, empty, not a
   *     picture, damaged, too large or blank
   */
  public static float[] load(Path file, boolean normalize) {
    BufferedImage image = PictureFile.read(file);
    float[] pixels = toMnist(grey(image), image.getWidth(), image.getHeight(), file);
    if (normalize) {
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (pixels[i] - MnistData.MEAN) / MnistData.STD;
      }
    }
    return pixels;
  }

  /** Returns ink intensity in [0,1] per pixel: light-on-dark, whatever the original was. */
  static float[] grey(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] g = new float[w * h];
    double border = 0;
    int borderCount = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = image.getRGB(x, y);
        float alpha = ((argb >>> 24) & 0xff) / 255f;
        float lum =
            (0.299f * ((argb >> 16) & 0xff)
                    + 0.587f * ((argb >> 8) & 0xff)
                    + 0.114f * (argb & 0xff))
                / 255f;
        // Transparent pixels are paper: composite onto white.
        g[y * w + x] = alpha * lum + (1 - alpha);
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
          border += g[y * w + x];
          borderCount++;
        }
      }
    }
    boolean darkInkOnLight = border / borderCount > 0.5;
    if (darkInkOnLight) {
      for (int i = 0; i < g.length; i++) {
        g[i] = 1 - g[i];
      }
    }
    return g;
  }

  static float[] toMnist(float[] g, int w, int h, Path file) {
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (g[y * w + x] > INK) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      throw new InvalidInputException(
          "image " + file + " is blank: no pixel stands out from" + " the background");
    }
    int bw = maxX - minX + 1;
    int bh = maxY - minY + 1;
    double scale = (double) BOX / Math.max(bw, bh);
    int sw = Math.max(1, (int) Math.round(bw * scale));
    int sh = Math.max(1, (int) Math.round(bh * scale));
    BufferedImage box = new BufferedImage(bw, bh, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < bh; y++) {
      for (int x = 0; x < bw; x++) {
        int v = Math.round(Math.min(1f, Math.max(0f, g[(minY + y) * w + minX + x])) * 255);
        box.getRaster().setSample(x, y, 0, v);
      }
    }
    BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g2 = small.createGraphics();
    g2.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g2.drawImage(box.getScaledInstance(sw, sh, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
    g2.dispose();
    double mass = 0;
    double cx = 0;
    double cy = 0;
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        double v = small.getRaster().getSample(x, y, 0) / 255.0;
        mass += v;
        cx += v * x;
        cy += v * y;
      }
    }
    int offX = (int) Math.round(SIDE / 2.0 - (mass > 0 ? cx / mass : sw / 2.0) - 0.5);
    int offY = (int) Math.round(SIDE / 2.0 - (mass > 0 ? cy / mass : sh / 2.0) - 0.5);
    offX = Math.max(0, Math.min(SIDE - sw, offX));
    offY = Math.max(0, Math.min(SIDE - sh, offY));
    float[] out = new float[SIDE * SIDE];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        out[(offY + y) * SIDE + offX + x] = small.getRaster().getSample(x, y, 0) / 255f;
      }
    }
    return out;
  }
}
