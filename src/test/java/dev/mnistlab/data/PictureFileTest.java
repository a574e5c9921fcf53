package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mnistlab.InvalidInputException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureFileTest {
  @TempDir Path dir;

  /** Writes a {@code width}x{@code height} RGB PNG of a grey gradient with a dark disc. */
  private Path picture(String name, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, new Color(x % 256, y % 256, (x + y) % 256).getRGB());
      }
    }
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Writes the 100x140 picture of {@link #picture} as a JPEG. */
  private Path jpeg(String name) throws IOException {
    BufferedImage image = ImageIO.read(picture("source.png", 100, 140).toFile());
    Path file = dir.resolve(name);
    ImageIO.write(image, "jpg", file.toFile());
    return file;
  }

  @Test
  void decodesPictureWithinTheBudgetExactlyAsImageIoReadDoes() throws IOException {
    Path file = picture("edge.png", PictureFile.MAX_DECODED_SIDE, 1500);
    BufferedImage expected = ImageIO.read(file.toFile());

    BufferedImage image = PictureFile.read(file);

    assertThat(image.getWidth()).isEqualTo(2000);
    assertThat(image.getHeight()).isEqualTo(1500);
    assertThat(image.getRGB(0, 0, 2000, 1500, null, 0, 2000))
        .isEqualTo(expected.getRGB(0, 0, 2000, 1500, null, 0, 2000));
  }

  @Test
  void subsamplesPictureAtThePixelLimitToTheBudget() {
    Path file = PngFixtures.bar(dir.resolve("limit.png"), 10_000, 10_000);

    BufferedImage image = PictureFile.read(file);

    // Every fifth pixel of every fifth row: 2000x2000, 4 M pixels instead of 100 M.
    assertThat(image.getWidth()).isEqualTo(2000);
    assertThat(image.getHeight()).isEqualTo(2000);
  }

  @Test
  void picksTheSmallestPeriodThatBringsTheLongSideToTheBudget() {
    assertThat(PictureFile.period(2000, 2000)).isEqualTo(1);
    assertThat(PictureFile.period(2001, 10)).isEqualTo(2);
    assertThat(PictureFile.period(300, 8000)).isEqualTo(4);
    assertThat(PictureFile.period(10_000, 10_000)).isEqualTo(5);
  }

  @Test
  void rejectsPictureOverThePixelLimitFromItsHeader() {
    Path file = PngFixtures.bar(dir.resolve("over.png"), 10_001, 10_000);

    assertThatThrownBy(() -> PictureFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "cannot read image "
                + file
                + ": it is 10001x10000 pixels (100.1 megapixels),"
                + " more than the 100 megapixels allowed; scale it down first");
  }

  @Test
  void rejectsDirectorySayingItIsOne() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("digits.png"));

    assertThatThrownBy(() -> PictureFile.read(folder))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read image " + folder + ": it is a directory, not a picture file");
  }

  @Test
  void rejectsEmptyFile() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.png"));

    assertThatThrownBy(() -> PictureFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read image " + file + ": the file is empty (0 bytes)");
  }

  @Test
  void rejectsUnreadableFile() throws IOException {
    Path file = picture("locked.png", 20, 20);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "root reads any file");

    assertThatThrownBy(() -> PictureFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read image " + file + ": permission denied");
  }

  @Test
  void rejectsPngCutShortInItsHeader() throws IOException {
    byte[] png = Files.readAllBytes(picture("whole.png", 40, 40));
    Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, 20));

    assertThatThrownBy(() -> PictureFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read image " + file + ": its PNG header is damaged or cut short");
  }

  @Test
  void rejectsPngCutShortInItsData() throws IOException {
    byte[] png = Files.readAllBytes(picture("whole.png", 40, 40));
    Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));

    assertThatThrownBy(() -> PictureFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read image " + file + ": its PNG data is damaged or cut short");
  }

  @Test
  void rejectsPngWithCorruptData() throws IOException {
    byte[] png = Files.readAllBytes(picture("whole.png", 40, 40));
    // Past the signature and IHDR (33 bytes) and the IDAT's length and type: deflate data.
    for (int i = 45; i < png.length - 20; i++) {
      png[i] ^= 0x5a;
    }
    Path file = Files.write(dir.resolve("corrupt.png"), png);

    assertThatThrownBy(() -> PictureFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read image " + file + ": its PNG data is damaged or cut short");
  }

  @Test
  void rejectsJpegCutShortThatItsDecoderWouldFillWithGrey() throws IOException {
    Path whole = jpeg("whole.jpg");
    byte[] jpeg = Files.readAllBytes(whole);
    Path file = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 9 / 10));

    assertThatThrownBy(() -> PictureFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read image " + file + ": its JPEG data is damaged or cut short");
  }

  @Test
  void readsJpegMissingOnlyItsEndMarker() throws IOException {
    Path whole = jpeg("whole.jpg");
    byte[] jpeg = Files.readAllBytes(whole);
    Path file = Files.write(dir.resolve("no-eoi.jpg"), Arrays.copyOf(jpeg, jpeg.length - 2));

    assertThat(PictureFile.read(file).getRGB(0, 0, 100, 140, null, 0, 100))
        .isEqualTo(ImageIO.read(whole.toFile()).getRGB(0, 0, 100, 140, null, 0, 100));
  }
}
