package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The flags that keep each finished run's trained model, {@code --keep-models} and {@code
 * --models-dir}, taken by every command that trains a study's trials. The study remembers the
 * directory, so its other workers keep their runs' models there too.
 */
final class KeepModelsOptions {
  @Option(
      names = "--keep-models",
      description =
          "Keep the trained model of every run that completes, in --models-dir/STUDY/trial-N "
              + "(by default beside an SQLite storage: mnist-lab.db keeps them in "
              + "mnist-lab.models/), for 'mnist-lab ensemble' and 'predict'. The study remembers "
              + "it: its workers keep theirs too; 'study delete' removes them.")
  boolean keep;

  @Option(
      names = "--models-dir",
      paramLabel = "DIR",
      description =
          "Where kept models go (implies --keep-models); needed with a PostgreSQL storage: a "
              + "directory every worker can write, shared between machines.")
  Path root;

  /**
   * Returns the directory study {@code study}'s models go into, {@code ROOT/STUDY}, checked
   * writable; null when neither flag was given. Call it before the storage is opened, so that a
   * refusal leaves nothing behind.
   *
   * @throws InvalidInputException one line: a PostgreSQL storage without {@code --models-dir}, or a
   *     directory that cannot be written
   */
  Path studyDir(StorageOptions storage, String study) {
    if (!keep && root == null) {
      return null;
    }
    Path base =
        root != null
            ? root
            : Storages.defaultModelsRoot(storage.resolve(System.getenv()))
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "--keep-models with a PostgreSQL storage needs --models-dir DIR, a"
                                + " directory every worker can write (there is no storage file"
                                + " to keep them beside)"));
    if (study.equals(".") || study.equals("..")) {
      throw new InvalidInputException(
          "cannot keep the models of a study named '"
              + study
              + "': it names no directory of its own");
    }
    Path dir = base.toAbsolutePath().normalize().resolve(study);
    OutputChecks.requireWritableDirectory(root != null ? "--models-dir" : "--keep-models", dir);
    return dir;
  }

  /**
   * Returns the directory the stored study's runs keep their models in: {@code dir} (from {@link
   * #studyDir}), which is recorded on the study, or, when the flags were not given, the directory
   * the study already keeps them in (checked writable), or null when it keeps none.
   */
  static Path apply(Storage storage, StudyRecord study, Path dir) {
    if (dir != null) {
      if (!dir.toString().equals(study.modelsDir())) {
        storage.keepModels(study.id(), dir.toString());
      }
      return dir;
    }
    if (study.modelsDir() == null) {
      return null;
    }
    Path kept = Path.of(study.modelsDir());
    OutputChecks.requireWritableDirectory("the study's models directory", kept);
    return kept;
  }
}
