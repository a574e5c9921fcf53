package dev.mnistlab.cli;

import ai.djl.nn.Block;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.output.OutputDirectory;
import dev.mnistlab.train.Classifier;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stores a trained model as two files in a directory: {@code config.json} (the full training
 * config, so the network can be rebuilt) and {@code model.params} (DJL's parameter format).
 */
final class SavedModel {
  static final String CONFIG = "config.json";
  static final String PARAMS = "model.params";

  private static final String HOW = " (write one with 'mnist-lab train --save DIR')";

  private SavedModel() {}

  /**
   * Writes {@code block}'s parameters and {@code config} into {@code dir}, both or neither: a full
   * disk leaves the directory as it was and no temporary file.
   */
  static void save(Path dir, TrainConfig config, Block block) {
    try (OutputDirectory staged = OutputDirectory.stage(dir)) {
      try (OutputStream out = Files.newOutputStream(staged.path().resolve(PARAMS))) {
        Classifier.saveParameters(block, out);
      }
      Files.writeString(
          staged.path().resolve(CONFIG),
          JsonFormat.MAPPER.writeValueAsString(config) + System.lineSeparator());
      staged.commit();
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot save the model into " + dir + ": " + OutputChecks.reason(e), e);
    }
  }

  /**
   * Reads the config saved in {@code dir}.
   *
   * @throws InvalidInputException one line saying what is missing or damaged: the directory, either
   *     file, or the config's JSON (with its line)
   */
  static TrainConfig config(Path dir) {
    if (!Files.isDirectory(dir)) {
      String what = Files.exists(dir) ? "it is a file, not a directory" : "no such directory";
      throw new InvalidInputException("cannot use --model-dir " + dir + ": " + what + HOW);
    }
    for (String name : new String[] {CONFIG, PARAMS}) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        throw new InvalidInputException("not a saved model: " + dir + " has no " + name + HOW);
      }
    }
    Path file = dir.resolve(CONFIG);
    try {
      return JsonFormat.MAPPER.readValue(file.toFile(), TrainConfig.class);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new InvalidInputException(
          "cannot read "
              + file
              + ": not a saved config"
              + line
              + " ("
              + firstLine(e.getOriginalMessage())
              + ")",
          e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + OutputChecks.reason(e), e);
    }
  }

  private static String firstLine(String text) {
    return text == null ? "damaged" : text.lines().findFirst().orElse("damaged").strip();
  }

  /** Loads the network saved in {@code dir}, ready to classify. */
  static Classifier classifier(Path dir, TrainConfig config) {
    ModelSpec spec = ModelSpec.parse(config.model());
    try (InputStream in = Files.newInputStream(dir.resolve(PARAMS))) {
      return Classifier.load(spec.build(), in);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "cannot load " + dir.resolve(PARAMS) + ": " + e.getMessage(), e);
    } catch (EOFException e) {
      throw new InvalidInputException(
          "cannot read "
              + dir.resolve(PARAMS)
              + ": it is cut short (the save was interrupted, or the file was truncated)",
          e);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot read " + dir.resolve(PARAMS) + ": " + OutputChecks.reason(e), e);
    }
  }
}
