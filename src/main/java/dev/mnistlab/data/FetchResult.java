package dev.mnistlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reports what a fetch did: which files it downloaded and which were already valid.
 *
 * @param dir the data directory
 * @param fetched the files written by this fetch, in standard order
 * @param alreadyPresent the files that were present with the right SHA-256 and left alone
 */
public record FetchResult(Path dir, List<MnistFile> fetched, List<MnistFile> alreadyPresent) {
  /** Checks that nothing is null and freezes the lists. */
  public FetchResult {
    Objects.requireNonNull(dir, "dir");
    fetched = List.copyOf(fetched);
    alreadyPresent = List.copyOf(alreadyPresent);
  }
}
