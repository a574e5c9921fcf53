package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-checks every file of a data directory (structure and SHA-256) and reports each verdict instead
 * of stopping at the first fault, for {@code data verify}.
 */
public final class DataVerifier {
  private DataVerifier() {}

  /**
   * Checks the four files of {@code dir}.
   *
   * @throws InvalidInputException if {@code dir} is not a directory
   */
  public static VerifyReport verify(Path dir) {
    Path clean = dir.toAbsolutePath().normalize();
    if (Files.exists(clean) && !Files.isDirectory(clean)) {
      throw new InvalidInputException("data directory is a file, not a directory: " + clean);
    }
    if (!Files.isDirectory(clean)) {
      throw new InvalidInputException("data directory does not exist: " + clean);
    }
    boolean fetched = SourceMarker.read(clean).isPresent();
    List<FileCheck> checks = new ArrayList<>();
    checkPair(clean, MnistFile.TRAIN_IMAGES, MnistFile.TRAIN_LABELS, fetched, checks);
    checkPair(clean, MnistFile.TEST_IMAGES, MnistFile.TEST_LABELS, fetched, checks);
    return new VerifyReport(clean, fetched, checks);
  }

  private static void checkPair(
      Path dir, MnistFile imagesFile, MnistFile labelsFile, boolean fetched, List<FileCheck> out) {
    Optional<Path> imagesPath = imagesFile.locate(dir);
    Optional<Path> labelsPath = labelsFile.locate(dir);
    IdxReader.Images images = null;
    IdxReader.Labels labels = null;
    FileCheck imagesCheck;
    FileCheck labelsCheck;
    try {
      images = IdxReader.readImages(imagesPath.orElseThrow());
      imagesCheck = verdict(imagesFile, images.path(), images.sha256(), fetched, null);
    } catch (RuntimeException e) {
      imagesCheck = failed(imagesFile, imagesPath, e, dir);
    }
    try {
      labels = IdxReader.readLabels(labelsPath.orElseThrow());
      String mismatch =
          images != null && images.count() != labels.count()
              ? RawMnist.countMismatch(images, labels)
              : null;
      labelsCheck = verdict(labelsFile, labels.path(), labels.sha256(), fetched, mismatch);
    } catch (RuntimeException e) {
      labelsCheck = failed(labelsFile, labelsPath, e, dir);
    }
    out.add(imagesCheck);
    out.add(labelsCheck);
  }

  private static FileCheck verdict(
      MnistFile file, Path path, String sha256, boolean fetched, String countProblem) {
    boolean known = file.knownSha256().equals(sha256);
    String problem = countProblem;
    if (problem == null) {
      try {
        RawMnist.checkSum(file, path, sha256, fetched);
      } catch (InvalidInputException e) {
        problem = e.getMessage();
      }
    }
    FileCheck.Status status =
        problem != null
            ? FileCheck.Status.INVALID
            : known ? FileCheck.Status.OK : FileCheck.Status.MNIST_LIKE;
    return new FileCheck(file, path, size(path), sha256, known, status, problem);
  }

  private static FileCheck failed(
      MnistFile file, Optional<Path> path, RuntimeException e, Path dir) {
    if (path.isEmpty()) {
      return new FileCheck(
          file,
          null,
          0,
          null,
          false,
          FileCheck.Status.MISSING,
          String.format(
              "data directory %s lacks %s (or %s.gz)", dir, file.fileName(), file.fileName()));
    }
    if (!(e instanceof InvalidInputException)) {
      throw e;
    }
    return new FileCheck(
        file, path.get(), size(path.get()), null, false, FileCheck.Status.INVALID, e.getMessage());
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }
}
