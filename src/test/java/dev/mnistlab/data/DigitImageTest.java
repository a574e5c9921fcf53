package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.InvalidInputException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitImageTest {
  @TempDir Path dir;

  /** Writes a 100x140 PNG of {@code paper} with a 20x100 vertical bar of {@code ink}. */
  private Path bar(String name, Color paper, Color ink) throws IOException {
    BufferedImage image = new BufferedImage(100, 140, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(paper);
    g.fillRect(0, 0, 100, 140);
    g.setColor(ink);
    g.fillRect(30, 25, 20, 100);
    g.dispose();
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  @Test
  void turnsDarkOnLightBarIntoCentredLightOnDark28x28() throws IOException {
    float[] pixels = DigitImage.load(bar("bar.png", Color.WHITE, Color.BLACK), false);

    assertThat(pixels).hasSize(784);
    // Inverted: the paper is now 0 and the bar's core full ink.
    assertThat(pixels[0]).isZero();
    assertThat(pixels[783]).isZero();
    float max = 0;
    int minX = 28;
    int maxX = -1;
    int minY = 28;
    int maxY = -1;
    double mass = 0;
    double cx = 0;
    double cy = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        float v = pixels[y * 28 + x];
        assertThat(v).isBetween(0f, 1f);
        if (v > 0) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
        max = Math.max(max, v);
        mass += v;
        // Pixel x covers [x, x+1): its centre is x + 0.5, so the frame's centre is 14.
        cx += v * (x + 0.5);
        cy += v * (y + 0.5);
      }
    }
    assertThat(max).isCloseTo(1f, within(0.01f));
    assertThat(maxX - minX + 1).isLessThanOrEqualTo(20);
    // The bar is 5 times taller than wide: its height is the one scaled to 20.
    assertThat(maxY - minY + 1).isEqualTo(20);
    assertThat(cx / mass).isCloseTo(14, within(1.0));
    assertThat(cy / mass).isCloseTo(14, within(1.0));
  }

  @Test
  void keepsLightOnDarkImageAsItIs() throws IOException {
    float[] darkOnLight = DigitImage.load(bar("dark.png", Color.WHITE, Color.BLACK), false);

    float[] lightOnDark = DigitImage.load(bar("light.png", Color.BLACK, Color.WHITE), false);

    // Not inverted, so it lands exactly where its inverted twin does.
    assertThat(lightOnDark).containsExactly(darkOnLight);
  }

  @Test
  void standardisesPixelsWhenAskedTo() throws IOException {
    Path file = bar("bar.png", Color.WHITE, Color.BLACK);
    float[] raw = DigitImage.load(file, false);

    float[] normalized = DigitImage.load(file, true);

    for (int i = 0; i < 784; i++) {
      assertThat(normalized[i]).isCloseTo((raw[i] - MnistData.MEAN) / MnistData.STD, within(1e-6f));
    }
  }

  @Test
  void rejectsBlankImage() throws IOException {
    BufferedImage image = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 50, 50);
    g.dispose();
    Path file = dir.resolve("blank.png");
    ImageIO.write(image, "png", file.toFile());

    assertThatThrownBy(() -> DigitImage.load(file, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("image " + file + " is blank: no pixel stands out from the background");
  }

  @Test
  void rejectsFileThatIsNotAnImage() throws IOException {
    Path file = Files.writeString(dir.resolve("digit.png"), "not a picture");

    assertThatThrownBy(() -> DigitImage.load(file, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "cannot read image "
                + file
                + ": not a file in a format this JVM reads (PNG, JPEG, GIF, BMP)");
  }

  @Test
  void rejectsMissingFileSayingSo() {
    Path file = dir.resolve("missing.png");

    assertThatThrownBy(() -> DigitImage.load(file, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read image " + file + ": no such file");
  }

  /** Writes a 1-bit PNG, {@code side} pixels square, of a white "7" on black. */
  private Path seven(String name, int side) throws IOException {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = image.createGraphics();
    g.scale(side / 100.0, side / 100.0);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(10));
    g.drawPolyline(new int[] {25, 75, 40}, new int[] {20, 20, 85}, 3);
    g.dispose();
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  @Test
  void givesNearlyTheSameDigitFromASubsampledPictureAsFromTheWholeOne() throws IOException {
    Path file = seven("large.png", 4500);
    BufferedImage whole = ImageIO.read(file.toFile());
    float[] full = DigitImage.toMnist(DigitImage.grey(whole), 4500, 4500, file);

    // 4500 pixels is over the 2000-pixel decoding budget: every third pixel and row is read.
    float[] subsampled = DigitImage.load(file, false);

    float worst = 0;
    double sum = 0;
    for (int i = 0; i < 784; i++) {
      worst = Math.max(worst, Math.abs(subsampled[i] - full[i]));
      sum += Math.abs(subsampled[i] - full[i]);
    }
    // Measured: at most 1/255 apart, on a few pixels of the stroke's edge.
    assertThat(worst).isLessThanOrEqualTo(2 / 255f);
    assertThat(sum / 784).isLessThan(0.001);
  }
}
