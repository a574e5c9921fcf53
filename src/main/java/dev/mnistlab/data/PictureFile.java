package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a picture file within a fixed memory budget, refusing decompression bombs.
 *
 * <p>A PNG of 40000x40000 blank pixels compresses to 1.7 MB but decodes to gigabytes, so the size
 * is read from the header first and a picture of more than {@link #MAX_PIXELS} is refused before
 * any pixel is decoded. An accepted picture is decoded with source subsampling so that its long
 * side is at most {@link #MAX_DECODED_SIDE}: the decoded raster, and the float copy {@link
 * DigitImage} makes of it, stay near 4 M pixels whatever the file holds. A picture at or below that
 * side is decoded exactly as {@link ImageIO#read(java.io.File)} would.
 */
final class PictureFile {
  /**
   * Caps the pixels a picture may have: 100 megapixels, above the largest photos most phone cameras
   * take by default (12-50 MP; a 108 MP mode is at 12000x9000 pixels).
   *
   * <p>Subsampling bounds the decoded raster, not the work: every row is still inflated, and a
   * progressive JPEG keeps its coefficients for the whole picture in native memory. At this cap,
   * measured with {@code predict}, a PNG took 1.1 s longer than a small picture and a progressive
   * JPEG 155 MB more resident memory; 16 times the cap would be 16 times that.
   */
  static final long MAX_PIXELS = 100_000_000L;

  /**
   * Caps the long side of the decoded raster. MNIST preparation shrinks the digit to 20x20, so 2000
   * pixels keep a stroke a fiftieth of the picture wide at 40 pixels or more.
   */
  static final int MAX_DECODED_SIDE = 2000;

  // libjpeg's warnings when scan data runs out: "Corrupt JPEG data: premature end of data
  // segment", "Premature end of JPEG file". Others come from files that decode whole, such
  // as "Truncated File - Missing EOI marker" when only the last two bytes are missing.
  private static final Pattern CUT_SHORT =
      Pattern.compile("premature end", Pattern.CASE_INSENSITIVE);

  private PictureFile() {}

  /**
   * Reads {@code file} (any format this JVM decodes: PNG, JPEG, GIF, BMP), subsampled so that its
   * long side is at most {@link #MAX_DECODED_SIDE}.
   *
   * @throws InvalidInputException when the file is missing, a directory, unreadable, empty, not a
   *     picture, damaged, or larger than {@link #MAX_PIXELS}
   */
  static BufferedImage read(Path file) {
    checkIsFile(file);
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw cannotRead(file, "not a file in a format this JVM reads (PNG, JPEG, GIF, BMP)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return decode(file, reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw cannotRead(file, describe(e), e);
    }
  }

  private static void checkIsFile(Path file) {
    if (Files.isDirectory(file)) {
      throw cannotRead(file, "it is a directory, not a picture file");
    }
    if (!Files.exists(file)) {
      throw cannotRead(file, "no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw cannotRead(file, "not a regular file");
    }
    try {
      // Opening says "permission denied" plainly; the picture stream's constructor does not.
      Files.newByteChannel(file).close();
      if (Files.size(file) == 0) {
        throw cannotRead(file, "the file is empty (0 bytes)");
      }
    } catch (IOException e) {
      throw cannotRead(file, describe(e), e);
    }
  }

  private static BufferedImage decode(Path file, ImageReader reader) throws IOException {
    String format = reader.getFormatName().toUpperCase(Locale.ROOT);
    long width;
    long height;
    try {
      width = reader.getWidth(0);
      height = reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      throw cannotRead(file, "its " + format + " header is damaged or cut short", e);
    }
    if (width * height > MAX_PIXELS) {
      throw cannotRead(
          file,
          "it is "
              + width
              + "x"
              + height
              + " pixels ("
              + megapixels(width * height)
              + " megapixels), more than the "
              + megapixels(MAX_PIXELS)
              + " megapixels allowed; scale it down first");
    }
    ImageReadParam param = reader.getDefaultReadParam();
    int period = period(width, height);
    if (period > 1) {
      param.setSourceSubsampling(period, period, 0, 0);
    }
    // A JPEG cut short decodes without error, its missing rows filled with grey; only a
    // warning tells, and the digit would be classified from what is left of it.
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    BufferedImage image;
    try {
      image = reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      // Decoders signal damaged data with whatever they trip over, not only IOException.
      throw cannotRead(file, "its " + format + " data is damaged or cut short", e);
    }
    if (warnings.stream().anyMatch(w -> CUT_SHORT.matcher(w).find())) {
      throw cannotRead(file, "its " + format + " data is damaged or cut short");
    }
    return image;
  }

  /** Returns the subsampling period that brings the long side to the decoding budget. */
  static int period(long width, long height) {
    long side = Math.max(width, height);
    return (int) ((side + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE);
  }

  // Rounds up, so that a picture just over the cap never reads as equal to it.
  private static String megapixels(long pixels) {
    String text = String.format(Locale.ROOT, "%.1f", Math.ceil(pixels / 1e5) / 10);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return "the file could not be read";
  }

  private static InvalidInputException cannotRead(Path file, String reason) {
    return new InvalidInputException("cannot read image " + file + ": " + reason);
  }

  private static InvalidInputException cannotRead(Path file, String reason, Throwable cause) {
    return new InvalidInputException("cannot read image " + file + ": " + reason, cause);
  }
}
