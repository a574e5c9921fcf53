package dev.mnistlab.cli;

import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.output.OutputDirectory;
import dev.mnistlab.train.Classifier;
import dev.mnistlab.train.TrainConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import ai.djl.nn.Block;

/**
 * Stores a trained model as two files in a directory: {@code config.json} (the full
 * training config, so the network can be rebuilt) and {@code model.params} (DJL's
 * parameter format).
 */
final class SavedModel {
  static final String CONFIG = "config.json";
  static final String PARAMS = "model.params";

  private SavedModel() {}

  /**
   * Writes {@code block}'s parameters and {@code config} into {@code dir}, both or neither:
   * a full disk leaves the directory as it was and no temporary file.
   */
  static void save(Path dir, TrainConfig config, Block block) {
    try (OutputDirectory staged = OutputDirectory.stage(dir)) {
      try (OutputStream out = Files.newOutputStream(staged.path().resolve(PARAMS))) {
        Classifier.saveParameters(block, out);
      }
      Files.writeString(staged.path().resolve(CONFIG),
          JsonFormat.MAPPER.writeValueAsString(config) + System.lineSeparator());
      staged.commit();
    } catch (IOException e) {
      throw new InvalidInputException("cannot save the model into " + dir + ": "
          + OutputChecks.reason(e), e);
    }
  }

  /** Reads the config saved in {@code dir}. */
  static TrainConfig config(Path dir) {
    Path file = dir.resolve(CONFIG);
    if (!Files.isRegularFile(file) || !Files.isRegularFile(dir.resolve(PARAMS))) {
      throw new InvalidInputException("not a saved model: " + dir + " lacks " + CONFIG + " or "
          + PARAMS + " (write one with 'mnist-lab train --save DIR')");
    }
    try {
      return JsonFormat.MAPPER.readValue(file.toFile(), TrainConfig.class);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Loads the network saved in {@code dir}, ready to classify. */
  static Classifier classifier(Path dir, TrainConfig config) {
    ModelSpec spec = ModelSpec.parse(config.model());
    try (InputStream in = Files.newInputStream(dir.resolve(PARAMS))) {
      return Classifier.load(spec.build(), in);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + dir.resolve(PARAMS) + ": "
          + e.getMessage(), e);
    }
  }
}
