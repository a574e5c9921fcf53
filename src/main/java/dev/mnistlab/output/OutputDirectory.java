package dev.mnistlab.output;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a directory of outputs (a report, a saved model) beside its target and moves it into place
 * only when every file is written, so the target holds the old outputs or all the new ones, never
 * some of each, and a failure (a full disk) leaves nothing behind.
 *
 * <p>Use: {@code try (OutputDirectory out = OutputDirectory.stage(dir)) { write files into
 * out.path(); out.commit(); }}. Files of the target that the new outputs do not name are left as
 * they were; those they name are replaced under {@link OutputFile}'s rules. Not thread-safe; one
 * staging per call.
 */
public final class OutputDirectory implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private boolean committed;

  private OutputDirectory(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Creates an empty hidden staging directory beside {@code target} (in its nearest existing
   * ancestor, so that the final move is a rename on one filesystem).
   *
   * @throws IOException when the target is not a directory, or nothing can be created there
   */
  public static OutputDirectory stage(Path target) throws IOException {
    Path resolved = followLinks(target);
    if (Files.exists(resolved) && !Files.isDirectory(resolved)) {
      throw new FileSystemException(target.toString(), null, "is a file, not a directory");
    }
    Path ancestor = OutputChecks.nearestExisting(resolved);
    Path staging =
        ancestor.resolve(
            "." + resolved.getFileName() + "." + java.util.UUID.randomUUID() + ".partial");
    Files.createDirectory(staging);
    return new OutputDirectory(resolved, staging);
  }

  /** Returns the staging directory to write the outputs into. */
  public Path path() {
    return staging;
  }

  /**
   * Moves the staged outputs into the target: the whole directory in one rename when the target
   * does not exist yet, else file by file.
   */
  public void commit() throws IOException {
    if (committed) {
      throw new IllegalStateException("already committed: " + target);
    }
    if (!Files.exists(target)) {
      Files.createDirectories(target.getParent());
      if (staging.getParent().equals(target.getParent())) {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        return;
      }
      Files.createDirectory(target);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(staging)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      Path destination = target.resolve(staging.relativize(file).toString());
      Files.createDirectories(destination.getParent());
      OutputFile.moveTo(file, destination);
    }
    committed = true;
    deleteTree(staging);
  }

  /** Deletes the staging directory and what it holds unless {@link #commit} moved it. */
  @Override
  public void close() throws IOException {
    if (Files.exists(staging)) {
      deleteTree(staging);
    }
  }

  private static Path followLinks(Path target) throws IOException {
    Path path = target.toAbsolutePath();
    return Files.isSymbolicLink(path) && Files.exists(path) ? path.toRealPath() : path;
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
