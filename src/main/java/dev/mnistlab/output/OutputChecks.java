package dev.mnistlab.output;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks an output path before a long run starts, so a typo or a read-only place fails in a second
 * rather than after an hour of training, and words file-system failures for a person.
 *
 * <p>The checks create nothing that outlives them: where the only honest test is to try, they
 * create a hidden probe and delete it at once.
 */
public final class OutputChecks {
  private OutputChecks() {}

  /**
   * Fails unless {@link OutputFile#write} could write {@code file}, named by {@code flag}.
   *
   * @throws InvalidInputException one line naming the flag, the path and what is wrong
   */
  public static void requireWritableFile(String flag, Path file) {
    if (file.toString().isEmpty()) {
      throw new InvalidInputException(flag + " must name a file, got an empty value");
    }
    OutputTarget target;
    try {
      target = OutputTarget.of(file);
    } catch (IOException e) {
      throw cannotWrite(flag, file, e);
    }
    switch (target.kind()) {
      case REFUSE ->
          throw new InvalidInputException(
              target.what().equals("a directory")
                  ? flag + " must be a file, got a directory: " + file
                  : "cannot write "
                      + flag
                      + " "
                      + file
                      + ": it is "
                      + target.what()
                      + ", not a file");
      case DIRECT -> {
        if (!Files.isWritable(target.path())) {
          throw new InvalidInputException(
              "cannot write " + flag + " " + file + ": permission denied");
        }
      }
      case REPLACE -> {
        Path parent = target.path().getParent();
        requireDirectory(flag, file, parent);
        if (Files.exists(target.path()) && !Files.isWritable(target.path())) {
          throw new InvalidInputException(
              "cannot write " + flag + " " + file + ": permission denied");
        }
        probe(flag, file, parent, false);
      }
      default -> throw new AssertionError(target.kind());
    }
  }

  /**
   * Fails unless {@link OutputDirectory#stage} could build {@code dir}, named by {@code flag}, and
   * move it into place. Creates nothing: the directory appears when its outputs do.
   *
   * @throws InvalidInputException one line naming the flag, the path and what is wrong
   */
  public static void requireWritableDirectory(String flag, Path dir) {
    if (dir.toString().isEmpty()) {
      throw new InvalidInputException(flag + " must name a directory, got an empty value");
    }
    Path absolute = dir.toAbsolutePath();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new InvalidInputException(flag + " must be a directory, got a file: " + dir);
    }
    Path ancestor = nearestExisting(absolute);
    if (!Files.isDirectory(ancestor)) {
      throw new InvalidInputException(
          "cannot write " + flag + " " + dir + ": " + ancestor + " is a file, not a directory");
    }
    probe(flag, dir, ancestor, true);
    if (Files.isDirectory(absolute) && !ancestor.equals(absolute)) {
      probe(flag, dir, absolute, false);
    }
  }

  /**
   * Returns what went wrong in {@code e} as a person would say it ("permission denied", "no space
   * left on device"), without the exception's class name or the path it names.
   */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    String text =
        e instanceof FileSystemException fs && fs.getReason() != null
            ? fs.getReason()
            : e.getMessage();
    if (text == null || text.isBlank()) {
      return "input/output error";
    }
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  /** Returns {@code path} if it exists, else its nearest ancestor that does. */
  static Path nearestExisting(Path path) {
    Path p = path.toAbsolutePath();
    while (p.getParent() != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p;
  }

  private static void requireDirectory(String flag, Path file, Path dir) {
    if (!Files.exists(dir)) {
      throw new InvalidInputException(
          "cannot write " + flag + " " + file + ": directory " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(
          "cannot write " + flag + " " + file + ": " + dir + " is a file, not a directory");
    }
  }

  /** Creates and deletes a hidden file (or directory) in {@code dir}, the only sure test. */
  private static void probe(String flag, Path given, Path dir, boolean directory) {
    Path probe = OutputFile.temporaryBeside(dir.resolve("probe"));
    try {
      if (directory) {
        Files.createDirectory(probe);
      } else {
        Files.createFile(probe);
      }
    } catch (NoSuchFileException e) {
      // The directory exists (checked before), so it is a file system that takes no new
      // files, such as /proc.
      throw new InvalidInputException(
          "cannot write " + flag + " " + given + ": " + dir + " does not accept new files");
    } catch (IOException e) {
      throw cannotWrite(flag, given, e);
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException e) {
        // Nothing was created, or it cannot be removed by us either way.
      }
    }
  }

  private static InvalidInputException cannotWrite(String flag, Path given, IOException e) {
    return new InvalidInputException("cannot write " + flag + " " + given + ": " + reason(e), e);
  }
}
