package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Checks output paths before a long run starts, so a typo fails in a second rather than
 * after an hour of training, and writes files atomically so a reader never sees half.
 */
final class OutputPaths {
  private OutputPaths() {}

  /** Fails unless {@code file} can be created or replaced. {@code -} means stdout. */
  static void requireWritableFile(String flag, Path file) {
    if (file.toString().equals("-")) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(flag + " must be a file, got a directory: " + file);
    }
    if (parent == null || !Files.isDirectory(parent)) {
      throw new InvalidInputException(
          "cannot write " + flag + " " + file + ": directory " + parent + " does not exist");
    }
    if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
      throw new InvalidInputException(
          "cannot write " + flag + " " + file + ": permission denied");
    }
  }

  /** Creates {@code dir} if needed and fails unless files can be written into it. */
  static void requireWritableDirectory(String flag, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidInputException("cannot create " + flag + " directory " + dir + ": "
          + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    if (!Files.isWritable(dir)) {
      throw new InvalidInputException("cannot write into " + flag + " " + dir
          + ": permission denied");
    }
  }

  /** Writes {@code text} to {@code file} through a temporary file and a rename. */
  static void writeAtomically(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
