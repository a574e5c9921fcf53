package dev.mnistlab.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.train.MemoryCheck;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TrainConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a study from YAML: top-level {@code name}, {@code repeats}, optional
 * {@code description} and {@code defaults}, and {@code trials}, a list whose items have a
 * {@code name}, the {@code train} flags as snake_case keys, and optionally
 * {@code reported_accuracy}, {@code reported_loss} and {@code notes}. Presets ship in the jar.
 *
 * <p>Errors name the file, the trial and the key.
 */
public final class StudyFile {
  /** The train settings a study file may set, as snake_case keys. */
  static final Set<String> TRAIN_KEYS = Set.of("model", "epochs", "batch_size", "lr",
      "optimizer", "momentum", "weight_decay", "betas", "schedule", "warmup_epochs", "seed",
      "early_stop", "train_limit", "val_size", "val_split", "normalize", "init", "log_every");
  private static final Set<String> TRIAL_KEYS = Set.of("name", "reported_accuracy",
      "reported_loss", "notes");
  private static final Set<String> TOP_KEYS = Set.of("name", "description", "repeats",
      "defaults", "trials");
  private static final List<String> PRESETS = List.of("blog");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private StudyFile() {}

  /** Returns the names of the studies shipped in the jar. */
  public static List<String> presets() {
    return PRESETS;
  }

  /** Reads the preset study {@code name}. */
  public static StudyDefinition preset(String name) {
    if (!PRESETS.contains(name)) {
      throw new InvalidInputException("unknown preset study '" + name + "': allowed are "
          + String.join(", ", PRESETS));
    }
    try (InputStream in = StudyFile.class.getResourceAsStream(name + ".yaml")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".yaml");
    } catch (IOException e) {
      throw new IllegalStateException("preset " + name + " is missing from the jar", e);
    }
  }

  /** Reads the study file at {@code path}. */
  public static StudyDefinition read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException("study file not found: " + path);
    }
    try {
      return parse(Files.readString(path), path.toString());
    } catch (IOException e) {
      throw new InvalidInputException("cannot read study file " + path + ": " + e.getMessage());
    }
  }

  /** Parses YAML {@code text}; {@code source} names it in error messages. */
  static StudyDefinition parse(String text, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr();
      throw new InvalidInputException(source + ": not valid YAML" + where + ": "
          + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source + ": expected a mapping with name, repeats and "
          + "trials");
    }
    checkKeys(root, TOP_KEYS, source);
    String name = text(root, "name", source, null);
    int repeats = root.has("repeats") ? integer(root.get("repeats"), "repeats", source) : 3;
    Map<String, JsonNode> defaults = new LinkedHashMap<>();
    if (root.has("defaults")) {
      JsonNode d = root.get("defaults");
      checkKeys(d, TRAIN_KEYS, source + ": defaults");
      d.fields().forEachRemaining(e -> defaults.put(e.getKey(), e.getValue()));
    }
    JsonNode trialsNode = root.get("trials");
    if (trialsNode == null || !trialsNode.isArray() || trialsNode.isEmpty()) {
      throw new InvalidInputException(source + ": 'trials' must be a non-empty list");
    }
    List<TrialDefinition> trials = new ArrayList<>();
    for (JsonNode t : trialsNode) {
      String trialName = text(t, "name", source, "a trial");
      String where = source + ": trial '" + trialName + "'";
      Set<String> allowed = new java.util.HashSet<>(TRAIN_KEYS);
      allowed.addAll(TRIAL_KEYS);
      checkKeys(t, allowed, where);
      Map<String, JsonNode> settings = new LinkedHashMap<>(defaults);
      t.fields().forEachRemaining(e -> {
        if (TRAIN_KEYS.contains(e.getKey())) {
          settings.put(e.getKey(), e.getValue());
        }
      });
      TrainConfig config = config(settings, where);
      trials.add(new TrialDefinition(trialName, config,
          number(t, "reported_accuracy", where), number(t, "reported_loss", where),
          t.has("notes") ? t.get("notes").asText() : null));
    }
    String description = root.has("description") ? root.get("description").asText() : "";
    return new StudyDefinition(name, description, repeats, trials, false);
  }

  private static TrainConfig config(Map<String, JsonNode> s, String where) {
    TrainConfig d = TrainConfig.defaults();
    try {
      String model = s.containsKey("model") ? s.get("model").asText() : d.model();
      ModelSpec.parse(model);
      double[] betas = s.containsKey("betas") ? betas(s.get("betas"), where)
          : new double[] {d.beta1(), d.beta2()};
      TrainConfig config = new TrainConfig(
          model,
          intOr(s, "epochs", d.epochs(), where),
          intOr(s, "batch_size", d.batchSize(), where),
          doubleOr(s, "lr", d.lr(), where),
          s.containsKey("optimizer") ? OptimizerKind.parse(s.get("optimizer").asText())
              : d.optimizer(),
          doubleOr(s, "momentum", d.momentum(), where),
          doubleOr(s, "weight_decay", d.weightDecay(), where),
          betas[0],
          betas[1],
          s.containsKey("schedule") ? ScheduleKind.parse(s.get("schedule").asText())
              : d.schedule(),
          intOr(s, "warmup_epochs", d.warmupEpochs(), where),
          s.containsKey("seed") ? s.get("seed").asLong() : 1,
          1,
          intOr(s, "early_stop", d.earlyStop(), where),
          intOr(s, "train_limit", d.trainLimit(), where),
          intOr(s, "val_size", d.valSize(), where),
          s.containsKey("val_split") ? s.get("val_split").asText() : d.valSplit(),
          s.containsKey("normalize") ? s.get("normalize").asBoolean() : d.normalize(),
          s.containsKey("init") ? s.get("init").asText() : d.init(),
          intOr(s, "log_every", d.logEvery(), where));
      // Before the study is stored and queued, not trial by trial in the engine.
      MemoryCheck.requireFits(config);
      return config;
    } catch (InvalidInputException e) {
      throw new InvalidInputException(where + ": " + e.getMessage(), e);
    }
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
    if (!node.isObject()) {
      throw new InvalidInputException(where + ": expected a mapping of keys to values");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new InvalidInputException(where + ": unknown key '" + key + "'; allowed: "
            + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  private static String text(JsonNode node, String key, String source, String what) {
    JsonNode v = node.get(key);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new InvalidInputException(source + ": " + (what == null ? "the study" : what)
          + " needs a '" + key + "'");
    }
    return v.asText();
  }

  private static int intOr(Map<String, JsonNode> s, String key, int fallback, String where) {
    return s.containsKey(key) ? integer(s.get(key), key, where) : fallback;
  }

  private static int integer(JsonNode v, String key, String where) {
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new InvalidInputException(where + ": '" + key + "' must be a whole number, got "
          + v.asText());
    }
    return v.asInt();
  }

  private static double doubleOr(Map<String, JsonNode> s, String key, double fallback,
      String where) {
    if (!s.containsKey(key)) {
      return fallback;
    }
    JsonNode v = s.get(key);
    if (v.isNumber()) {
      return v.asDouble();
    }
    try {
      return Double.parseDouble(v.asText());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(where + ": '" + key + "' must be a number, got "
          + v.asText());
    }
  }

  private static Double number(JsonNode t, String key, String where) {
    return t.has(key) ? doubleOr(Map.of(key, t.get(key)), key, 0, where) : null;
  }

  private static double[] betas(JsonNode v, String where) {
    String[] parts = v.isArray() ? new String[] {v.get(0).asText(), v.get(1).asText()}
        : v.asText().split(",");
    if (parts.length != 2) {
      throw new InvalidInputException(where + ": 'betas' must be two numbers, got "
          + v.toString());
    }
    return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
  }
}
