package dev.mnistlab.data;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/** Serves the files of a small MNIST-like set, or fails, counting the calls, for tests. */
final class FakeSources {
  private FakeSources() {}

  /** Returns the bytes of a small set, 20 training and 10 test images. */
  static Map<MnistFile, byte[]> smallSetBytes() {
    Map<MnistFile, byte[]> files = new EnumMap<>(MnistFile.class);
    files.put(MnistFile.TRAIN_IMAGES, IdxFixtures.images(20));
    files.put(MnistFile.TRAIN_LABELS, IdxFixtures.labels(IdxFixtures.cycle(20)));
    files.put(MnistFile.TEST_IMAGES, IdxFixtures.images(10));
    files.put(MnistFile.TEST_LABELS, IdxFixtures.labels(IdxFixtures.cycle(10)));
    return files;
  }

  /** Serves fixed bytes per file. */
  static final class Serving implements FileSource {
    final Map<MnistFile, byte[]> files;
    final String name;
    int calls;

    Serving(String name, Map<MnistFile, byte[]> files) {
      this.name = name;
      this.files = files;
    }

    @Override
    public String origin(MnistFile file) {
      return name + "/" + file.fileName();
    }

    @Override
    public byte[] read(MnistFile file) {
      calls++;
      return files.get(file);
    }
  }

  /** Always fails with the given reason. */
  static final class Failing implements FileSource {
    final String reason;
    int calls;

    Failing(String reason) {
      this.reason = reason;
    }

    @Override
    public String origin(MnistFile file) {
      return "nowhere";
    }

    @Override
    public byte[] read(MnistFile file) throws IOException {
      calls++;
      throw new IOException(reason);
    }
  }
}
