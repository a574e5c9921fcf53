package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnistlab.data.DataDirectory;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.TrialRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves small networks trained briefly on the real MNIST and reloads them through {@code ensemble}:
 * a kept model must score what its run scored.
 */
@Tag("slow")
class EnsembleOnMnistTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static Path data;
  private static final List<Path> models = new ArrayList<>();
  private static final List<JsonNode> results = new ArrayList<>();

  @BeforeAll
  static void trainTwoSmallNetworksForOneEpoch() throws IOException {
    data = DataDirectory.resolve(null, System.getenv()).ensure(System.err::println);
    for (int seed = 1; seed <= 2; seed++) {
      Path model = tmp.resolve("seed-" + seed);
      Path json = tmp.resolve("seed-" + seed + ".json");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "train",
                  "--data-dir",
                  data.toString(),
                  "--model",
                  "linear(64),relu,linear(10)",
                  "--epochs",
                  "1",
                  "--seed",
                  String.valueOf(seed),
                  "--threads",
                  "1",
                  "--json",
                  json.toString(),
                  "--save",
                  model.toString()));
      if (seed == 2) {
        args.add("--normalize"); // members that read pixels differently still ensemble
      }
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
      models.add(model);
      results.add(JSON.readTree(json.toFile()));
    }
  }

  private static JsonNode ensemble(String... flags) throws IOException {
    List<String> args = new ArrayList<>(List.of("ensemble", "--data-dir", data.toString()));
    args.addAll(List.of(flags));
    args.addAll(List.of("--json", "-"));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void aSavedModelReloadsWithTheTestAndValidationAccuracyOfItsRun() throws IOException {
    for (int i = 0; i < 2; i++) {
      JsonNode scores = ensemble("--model-dir", models.get(i).toString());
      JsonNode run = results.get(i);

      double test = run.get("test").get("accuracy").asDouble();
      assertThat(test).isGreaterThan(0.9);
      assertThat(scores.get("members").get(0).get("test").get("accuracy").asDouble())
          .isEqualTo(test);
      assertThat(scores.get("ensemble").get("test").get("accuracy").asDouble()).isEqualTo(test);
      assertThat(scores.get("members").get(0).get("validation").get("accuracy").asDouble())
          .isEqualTo(run.get("epochs").get(0).get("val_accuracy").asDouble());
    }
  }

  @Test
  void twoSeedsEnsembleOnTheValidationImagesTheyBothHeldOut() throws IOException {
    JsonNode scores =
        ensemble(
            "--model-dir",
            models.get(0).toString(),
            "--model-dir",
            models.get(1).toString(),
            "--tta",
            "2");

    assertThat(scores.get("shared_validation").asBoolean()).isTrue();
    assertThat(scores.get("validation").asText()).isEqualTo("last 5000");
    for (int i = 0; i < 2; i++) {
      assertThat(scores.get("members").get(i).get("test").get("accuracy").asDouble())
          .isEqualTo(results.get(i).get("test").get("accuracy").asDouble());
    }
    JsonNode ensemble = scores.get("ensemble");
    assertThat(ensemble.get("test").get("accuracy").asDouble()).isGreaterThan(0.9);
    assertThat(ensemble.get("validation").get("accuracy").asDouble()).isGreaterThan(0.9);
    assertThat(ensemble.get("test_tta").get("accuracy").asDouble()).isGreaterThan(0.8);
  }

  @Test
  void aModelKeptByAStudyReloadsWithTheTestAccuracyItsTrialStored() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("kept.yaml"),
            """
            name: kept
            repeats: 1
            defaults: {epochs: 1, model: "linear(64),relu,linear(10)"}
            trials:
              - {name: small}
            """);
    String storage = "sqlite:" + tmp.resolve("kept.db");

    CliRun run =
        CliRun.of(
            "study",
            "run",
            file.toString(),
            "--data-dir",
            data.toString(),
            "--storage",
            storage,
            "--parallel",
            "1",
            "--keep-models");
    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    JsonNode scores = ensemble("--study", "kept", "--trial", "small", "--storage", storage);

    try (Storage opened = Storages.open(storage)) {
      TrialRecord trial = opened.trials(Storages.requireStudy(opened, "kept").id(), false).get(0);
      assertThat(trial.modelDir()).isEqualTo(tmp.resolve("kept.models/kept/trial-0").toString());
      assertThat(trial.test().accuracy()).isGreaterThan(0.9);
      assertThat(scores.get("members").get(0).get("test").get("accuracy").asDouble())
          .isEqualTo(trial.test().accuracy());
    }
  }
}
