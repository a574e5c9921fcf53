package dev.mnistlab.study;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps a study's results as one JSON file per run (the {@code train --json} format) in a
 * directory, with the study's definition beside them. A result is written to a temporary
 * file and renamed, so a file either holds a whole result or does not exist. A stored result
 * counts only while its config still equals the run's: editing a trial re-runs it.
 */
public final class StudyStore {
  private final Path dir;

  /** Opens (creating) the store in {@code dir}. */
  public StudyStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.dir.resolve("runs"));
    } catch (IOException e) {
      throw new InvalidInputException("cannot create study directory " + this.dir + ": "
          + e.getMessage());
    }
    if (!Files.isWritable(this.dir.resolve("runs"))) {
      throw new InvalidInputException("cannot write into study directory " + this.dir
          + ": permission denied");
    }
  }

  /** Returns the directory. */
  public Path dir() {
    return dir;
  }

  /** Returns where run {@code key}'s result is (or will be) stored. */
  public Path pathOf(RunKey key) {
    return dir.resolve("runs").resolve(key.fileName());
  }

  /** Returns the stored result of {@code key}, if one exists for the same config. */
  public Optional<TrainResult> load(RunKey key) {
    Path file = pathOf(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    TrainResult result = read(file);
    return key.config().equals(result.config()) ? Optional.of(result) : Optional.empty();
  }

  /** Stores {@code result} as run {@code key}'s, atomically. */
  public void save(RunKey key, TrainResult result) {
    Path file = pathOf(key);
    try {
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      JsonFormat.MAPPER.writeValue(tmp.toFile(), result);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new InvalidInputException("cannot store " + file + ": " + e.getMessage());
    }
  }

  /** Writes the study's definition beside its runs, for {@code study report}. */
  public void saveDefinition(StudyDefinition study) {
    Path file = dir.resolve("study.json");
    try {
      Path tmp = Files.createTempFile(dir, "study.json", ".tmp");
      JsonFormat.MAPPER.writeValue(tmp.toFile(), study);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new InvalidInputException("cannot store " + file + ": " + e.getMessage());
    }
  }

  /** Reads the definition {@link #saveDefinition} wrote into {@code dir}. */
  public static StudyDefinition readDefinition(Path dir) {
    Path file = dir.resolve("study.json");
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("not a study directory: " + dir + " has no study.json "
          + "(run 'mnist-lab study run' or 'study blog' first)");
    }
    try {
      return JsonFormat.MAPPER.readValue(file.toFile(), StudyDefinition.class);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Reads a result a training process wrote, if it wrote one. */
  Optional<TrainResult> readPartial(Path file) {
    return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
  }

  void deletePartial(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A stale .running file is ignored by every reader; leaving it is harmless.
    }
  }

  private static TrainResult read(Path file) {
    try {
      return JsonFormat.MAPPER.readValue(file.toFile(), TrainResult.class);
    } catch (IOException e) {
      throw new InvalidInputException("stored result " + file + " is not a mnist-lab result: "
          + e.getMessage());
    }
  }
}
