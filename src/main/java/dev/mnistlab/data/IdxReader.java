package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.OutputChecks;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads MNIST-like IDX files, raw or gzip-compressed, and checks their structure.
 *
 * <p>Gzip is recognised by its magic bytes, not by the file name, so a renamed file still reads.
 * The SHA-256 of the uncompressed bytes is computed on the way through, which saves callers a
 * second pass over 47 MB. Every fault is an {@link InvalidInputException} whose one-line message
 * starts with the file name.
 */
final class IdxReader {
  static final int IMAGE_MAGIC = 0x00000803;
  static final int LABEL_MAGIC = 0x00000801;
  static final int ROWS = 28;
  static final int COLS = 28;
  static final int NUM_CLASSES = 10;

  private static final int IMAGE_HEADER_BYTES = 16;
  private static final int LABEL_HEADER_BYTES = 8;
  // Arrays cannot be longer than this; anything bigger is a corrupt header, not MNIST.
  private static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 64;

  /** Holds the pixels of an images file, row-major, one unsigned byte per pixel. */
  record Images(Path path, int count, byte[] pixels, String sha256, long bytes) {}

  /** Holds the labels of a labels file, each in 0-9. */
  record Labels(Path path, int count, byte[] labels, String sha256, long bytes) {}

  private IdxReader() {}

  static Images readImages(Path path) {
    String name = path.getFileName().toString();
    try (Source in = Source.open(path)) {
      ByteBuffer header = in.header(IMAGE_HEADER_BYTES, IMAGE_MAGIC, 3);
      int count = checkCount(name, header.getInt(4));
      int rows = header.getInt(8);
      int cols = header.getInt(12);
      if (rows != ROWS || cols != COLS) {
        throw new InvalidInputException(
            String.format(
                "%s: wrong image size: expected %dx%d for an MNIST-like set, found %dx%d",
                name, ROWS, COLS, rows, cols));
      }
      String promise = String.format("%d images of %dx%d", count, rows, cols);
      byte[] pixels = in.body((long) count * rows * cols, promise);
      return new Images(path, count, pixels, in.sha256(), in.totalBytes());
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  static Labels readLabels(Path path) {
    String name = path.getFileName().toString();
    try (Source in = Source.open(path)) {
      ByteBuffer header = in.header(LABEL_HEADER_BYTES, LABEL_MAGIC, 1);
      int count = checkCount(name, header.getInt(4));
      byte[] labels = in.body(count, count + " labels");
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] < 0 || labels[i] >= NUM_CLASSES) {
          throw new InvalidInputException(
              String.format(
                  "%s: label out of range at index %d: expected 0-9, found %d",
                  name, i, Byte.toUnsignedInt(labels[i])));
        }
      }
      return new Labels(path, count, labels, in.sha256(), in.totalBytes());
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  private static int checkCount(String name, int count) {
    if (count < 0) {
      throw new InvalidInputException(
          String.format("%s: bad item count in header: expected >= 0, found %d", name, count));
    }
    return count;
  }

  private static InvalidInputException unreadable(Path path, IOException e) {
    String name = path.getFileName().toString();
    if (e instanceof NoSuchFileException) {
      return new InvalidInputException(name + ": file not found: " + path, e);
    }
    String why =
        e instanceof java.io.EOFException
            ? "it ends too early (truncated?)"
            : e instanceof java.util.zip.ZipException
                ? "not valid gzip data (" + OutputChecks.reason(e) + ")"
                : OutputChecks.reason(e);
    return new InvalidInputException(name + ": cannot read " + path + ": " + why, e);
  }

  /** Wraps one open file: decompression, digest and byte counting. */
  private static final class Source implements AutoCloseable {
    private final String name;
    private final boolean gzip;
    private final long rawSize;
    private final MessageDigest digest = Sha256.newDigest();
    private final InputStream in;
    private long read;

    private Source(Path path, InputStream file, boolean gzip) throws IOException {
      this.name = path.getFileName().toString();
      this.gzip = gzip;
      this.rawSize = gzip ? -1 : Files.size(path);
      InputStream data = gzip ? new GZIPInputStream(file, 1 << 16) : file;
      this.in = new DigestInputStream(data, digest);
    }

    static Source open(Path path) throws IOException {
      BufferedInputStream file = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
      try {
        file.mark(2);
        boolean gzip = file.read() == 0x1f && file.read() == 0x8b;
        file.reset();
        return new Source(path, file, gzip);
      } catch (IOException | RuntimeException e) {
        file.close();
        throw e;
      }
    }

    ByteBuffer header(int length, int magic, int dims) throws IOException {
      byte[] bytes = in.readNBytes(length);
      read += bytes.length;
      if (bytes.length >= 4) {
        int found = ByteBuffer.wrap(bytes).getInt(0);
        if ((found & 0xffffff00) != (magic & 0xffffff00)) {
          throw new InvalidInputException(
              String.format(
                  "%s: wrong magic number: expected 0x%08x (IDX of unsigned bytes, %d dimension%s),"
                      + " found 0x%08x",
                  name, magic, dims, dims == 1 ? "" : "s", found));
        }
        if (found != magic) {
          throw new InvalidInputException(
              String.format(
                  "%s: wrong number of dimensions: expected %d (magic 0x%08x), found %d (magic 0x%08x)",
                  name, dims, magic, found & 0xff, found));
        }
      }
      if (bytes.length < length) {
        throw new InvalidInputException(
            String.format(
                "%s: truncated: header needs %d bytes, %s %d bytes", name, length, has(), size()));
      }
      return ByteBuffer.wrap(bytes);
    }

    byte[] body(long length, String promise) throws IOException {
      long expected = read + length;
      if (length > MAX_BODY_BYTES) {
        throw new InvalidInputException(
            String.format(
                "%s: too large: header promises %s (%d bytes), more than one array can hold",
                name, promise, expected));
      }
      if (!gzip && rawSize < expected) {
        throw truncated(promise, expected, rawSize);
      }
      // A raw file's size is known, so its array is allocated once; gzip data is read in
      // chunks so that a lying header cannot make us allocate gigabytes up front.
      byte[] bytes;
      if (gzip) {
        bytes = in.readNBytes((int) length);
      } else {
        bytes = new byte[(int) length];
        bytes = Arrays.copyOf(bytes, in.readNBytes(bytes, 0, bytes.length));
      }
      read += bytes.length;
      if (bytes.length < length) {
        throw truncated(promise, expected, read);
      }
      int next = in.read();
      if (next != -1) {
        long total = read + 1 + in.transferTo(OutputStream.nullOutputStream());
        throw new InvalidInputException(
            String.format(
                "%s: trailing bytes: header promises %s (%d bytes), %s %d bytes",
                name, promise, expected, has(), total));
      }
      return bytes;
    }

    private InvalidInputException truncated(String promise, long expected, long found) {
      return new InvalidInputException(
          String.format(
              "%s: truncated: header promises %s (%d bytes), %s %d bytes",
              name, promise, expected, has(), found));
    }

    private String has() {
      return gzip ? "uncompressed data has" : "file has";
    }

    private long size() {
      return gzip ? read : rawSize;
    }

    String sha256() {
      return Sha256.hex(digest);
    }

    long totalBytes() {
      return read;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
