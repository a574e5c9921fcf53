package dev.mnistlab.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes PNGs of any size byte by byte, so a test can make a 30000x30000 picture without holding
 * it: one row at a time goes through the deflater, and identical rows compress to almost nothing
 * (about 1 KB per 1 MB of pixels).
 */
public final class PngFixtures {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private PngFixtures() {}

  /**
   * Writes a 1-bit grey PNG of {@code width}x{@code height} to {@code file}: black paper with a
   * white bar, light on dark as MNIST, a fifth of the width wide and three fifths of the height
   * tall, in the middle.
   */
  public static Path bar(Path file, int width, int height) {
    int rowBytes = (width + 7) / 8;
    byte[] blank = new byte[1 + rowBytes];
    byte[] ink = new byte[1 + rowBytes];
    for (int x = width * 2 / 5; x < width * 3 / 5; x++) {
      ink[1 + x / 8] |= (byte) (0x80 >>> (x % 8));
    }
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (DeflaterOutputStream rows =
        new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
      for (int y = 0; y < height; y++) {
        rows.write(y >= height / 5 && y < height * 4 / 5 ? ink : blank);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    try (DataOutputStream ihdr = new DataOutputStream(header)) {
      ihdr.writeInt(width);
      ihdr.writeInt(height);
      ihdr.writeByte(1); // bit depth
      ihdr.writeByte(0); // colour type: grey
      ihdr.writeByte(0); // compression: deflate
      ihdr.writeByte(0); // filter method
      ihdr.writeByte(0); // no interlace
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(SIGNATURE);
    chunk(png, "IHDR", header.toByteArray());
    chunk(png, "IDAT", idat.toByteArray());
    chunk(png, "IEND", new byte[0]);
    try {
      return Files.write(file, png.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    writeInt(png, data.length);
    png.writeBytes(name);
    png.writeBytes(data);
    writeInt(png, (int) crc.getValue());
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }
}
