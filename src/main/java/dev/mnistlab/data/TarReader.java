package dev.mnistlab.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Extracts chosen regular files from a tar stream (POSIX ustar or old-style headers).
 *
 * <p>Enough of the format to unpack an npm tarball: 512-byte headers with the name at offset 0, the
 * ustar prefix at 345, the size in octal at 124 and the type at 156; file data padded to a multiple
 * of 512; two zero blocks at the end. Written here rather than adding a dependency for one tarball.
 */
final class TarReader {
  private static final int BLOCK = 512;

  private TarReader() {}

  /** Returns the contents of the entries of {@code tar} whose names are in {@code wanted}. */
  static Map<String, byte[]> extract(InputStream tar, Set<String> wanted) throws IOException {
    Map<String, byte[]> found = new HashMap<>();
    byte[] header = new byte[BLOCK];
    while (true) {
      int n = tar.readNBytes(header, 0, BLOCK);
      if (n == 0 || isZero(header)) {
        return found; // a zero block or a clean end is the end of the archive
      }
      if (n < BLOCK) {
        throw new EOFException("truncated tar header");
      }
      String name = field(header, 0, 100);
      String prefix = field(header, 345, 155);
      if (!prefix.isEmpty() && "ustar".equals(field(header, 257, 6))) {
        name = prefix + "/" + name;
      }
      long size = octal(header, 124, 12);
      byte type = header[156];
      boolean regular = type == '0' || type == 0;
      if (regular && wanted.contains(name)) {
        if (size > Integer.MAX_VALUE - 64) {
          throw new IOException("tar entry too large: " + name + " (" + size + " bytes)");
        }
        byte[] data = tar.readNBytes((int) size);
        if (data.length < size) {
          throw new EOFException("truncated tar entry " + name);
        }
        found.put(name, data);
        skip(tar, padding(size));
      } else {
        skip(tar, size + padding(size));
      }
    }
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static void skip(InputStream in, long count) throws IOException {
    long left = count;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("truncated tar entry");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) throws IOException {
    String text = field(header, offset, length).trim();
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IOException("bad size field in tar header: '" + text + "'", e);
    }
  }
}
