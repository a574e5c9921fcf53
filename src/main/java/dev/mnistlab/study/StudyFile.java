package dev.mnistlab.study;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.search.YamlPlaces;
import dev.mnistlab.train.MemoryCheck;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TrainConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a study from YAML: top-level {@code name}, {@code repeats}, optional {@code description},
 * {@code defaults} and {@code quick_train_limit} (the training images each trial of the {@code
 * --quick} version uses), and {@code trials}, a list whose items have a {@code name}, the {@code
 * train} flags as snake_case keys, and optionally {@code reported_accuracy}, {@code reported_loss}
 * and {@code notes}. Presets ship in the jar.
 *
 * <p>Errors are one line naming the file, the line, the trial and the key, and the rule.
 */
public final class StudyFile {
  /** The train settings a study file may set, as snake_case keys. */
  public static final Set<String> TRAIN_KEYS =
      Set.of(
          "model",
          "epochs",
          "batch_size",
          "lr",
          "optimizer",
          "momentum",
          "weight_decay",
          "betas",
          "schedule",
          "warmup_epochs",
          "seed",
          "early_stop",
          "train_limit",
          "val_size",
          "val_split",
          "normalize",
          "init",
          "log_every",
          "augment",
          "label_smoothing",
          "ema");

  private static final Set<String> TRIAL_KEYS =
      Set.of("name", "reported_accuracy", "reported_loss", "notes");
  private static final Set<String> TOP_KEYS =
      Set.of("name", "description", "repeats", "defaults", "quick_train_limit", "trials");
  private static final List<String> PRESETS = List.of("blog", "beyond");
  private static final Set<String> TRIAL_AND_TRAIN_KEYS = union(TRAIN_KEYS, TRIAL_KEYS);

  private StudyFile() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** Returns the names of the studies shipped in the jar. */
  public static List<String> presets() {
    return PRESETS;
  }

  /** Reads the preset study {@code name}. */
  public static StudyDefinition preset(String name) {
    if (!PRESETS.contains(name)) {
      throw new InvalidInputException(
          "unknown preset study '" + name + "': allowed are " + String.join(", ", PRESETS));
    }
    try (InputStream in = StudyFile.class.getResourceAsStream(name + ".yaml")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".yaml");
    } catch (IOException e) {
      throw new IllegalStateException("preset " + name + " is missing from the jar", e);
    }
  }

  /**
   * Reads the study file at {@code path}.
   *
   * @throws InvalidInputException if the file is missing, not a file, too large, not UTF-8 text or
   *     breaks a rule; the message is one line naming the file and, where there is one, the line
   */
  public static StudyDefinition read(Path path) {
    return parse(YamlPlaces.readFile(path, "study file"), path.toString());
  }

  /** Parses YAML {@code text}; {@code source} names it in error messages. */
  static StudyDefinition parse(String text, String source) {
    return new Reader(new YamlPlaces(text, source)).study();
  }

  /** Reads one parsed document; every error names the file, the line and the rule. */
  private static final class Reader {
    private final YamlPlaces yaml;

    Reader(YamlPlaces yaml) {
      this.yaml = yaml;
    }

    StudyDefinition study() {
      JsonNode root = yaml.root();
      JsonPointer top = JsonPointer.empty();
      if (root == null || !root.isObject()) {
        throw yaml.error("expected a mapping with name, repeats and trials");
      }
      checkKeys(root, top, TOP_KEYS, "");
      String name = name(root, top, "the study");
      int repeats = 3;
      if (root.has("repeats")) {
        JsonPointer at = top.appendProperty("repeats");
        repeats = integer(root.get("repeats"), "repeats", at, "");
        if (repeats < 1) {
          throw yaml.error(at, "'repeats' must be a whole number >= 1, got " + repeats);
        }
      }
      int quickTrainLimit = 0;
      if (root.has("quick_train_limit")) {
        JsonPointer at = top.appendProperty("quick_train_limit");
        quickTrainLimit = integer(root.get("quick_train_limit"), "quick_train_limit", at, "");
        if (quickTrainLimit < 1) {
          throw yaml.error(
              at, "'quick_train_limit' must be a whole number >= 1, got " + quickTrainLimit);
        }
      }
      String description =
          root.has("description")
              ? text(root.get("description"), "description", top.appendProperty("description"), "")
              : "";
      Map<String, Setting> defaults = new LinkedHashMap<>();
      if (root.has("defaults")) {
        JsonPointer at = top.appendProperty("defaults");
        JsonNode d = root.get("defaults");
        checkKeys(d, at, TRAIN_KEYS, "defaults: ");
        d.fields()
            .forEachRemaining(
                e ->
                    defaults.put(
                        e.getKey(), new Setting(e.getValue(), at.appendProperty(e.getKey()))));
      }
      JsonPointer trialsAt = top.appendProperty("trials");
      JsonNode trialsNode = root.get("trials");
      if (trialsNode == null || !trialsNode.isArray() || trialsNode.isEmpty()) {
        throw yaml.error(
            trialsNode == null ? top : trialsAt, "'trials' must be a non-empty list of trials");
      }
      List<TrialDefinition> trials = new ArrayList<>();
      Map<String, JsonPointer> slugs = new HashMap<>();
      for (int i = 0; i < trialsNode.size(); i++) {
        TrialDefinition trial = trial(trialsNode.get(i), trialsAt.appendIndex(i), defaults);
        JsonPointer at = trialsAt.appendIndex(i);
        JsonPointer earlier = slugs.putIfAbsent(trial.slug(), at);
        if (earlier != null) {
          throw yaml.error(
              at.appendProperty("name"),
              "trial '"
                  + trial.name()
                  + "' is named like the trial on line "
                  + yaml.line(earlier)
                  + "; trial names must differ in more than case and punctuation");
        }
        trials.add(trial);
      }
      return new StudyDefinition(name, description, repeats, trials, false, quickTrainLimit);
    }

    private TrialDefinition trial(JsonNode t, JsonPointer at, Map<String, Setting> defaults) {
      if (!t.isObject()) {
        throw yaml.error(
            at,
            "each trial must be a mapping with a 'name' and train settings, " + "got " + shown(t));
      }
      String trialName = name(t, at, "a trial");
      String where = "trial '" + trialName + "': ";
      checkKeys(t, at, TRIAL_AND_TRAIN_KEYS, where);
      Map<String, Setting> settings = new LinkedHashMap<>(defaults);
      t.fields()
          .forEachRemaining(
              e -> {
                if (TRAIN_KEYS.contains(e.getKey())) {
                  settings.put(
                      e.getKey(), new Setting(e.getValue(), at.appendProperty(e.getKey())));
                }
              });
      TrainConfig config = config(settings, at, where);
      return new TrialDefinition(
          trialName,
          config,
          optionalNumber(t, "reported_accuracy", at, where),
          optionalNumber(t, "reported_loss", at, where),
          t.has("notes") ? text(t.get("notes"), "notes", at.appendProperty("notes"), where) : null);
    }

    private TrainConfig config(Map<String, Setting> s, JsonPointer at, String where) {
      TrainConfig d = TrainConfig.defaults();
      String model = s.containsKey("model") ? text(s.get("model"), "model", where) : d.model();
      double[] betas =
          s.containsKey("betas")
              ? betas(s.get("betas"), where)
              : new double[] {d.beta1(), d.beta2()};
      int epochs = intOr(s, "epochs", d.epochs(), where);
      int batchSize = intOr(s, "batch_size", d.batchSize(), where);
      double lr = doubleOr(s, "lr", d.lr(), where);
      OptimizerKind optimizer = d.optimizer();
      double momentum = doubleOr(s, "momentum", d.momentum(), where);
      double weightDecay = doubleOr(s, "weight_decay", d.weightDecay(), where);
      ScheduleKind schedule = d.schedule();
      int warmup = intOr(s, "warmup_epochs", d.warmupEpochs(), where);
      long seed = s.containsKey("seed") ? whole(s.get("seed"), "seed", where) : 1;
      int earlyStop = intOr(s, "early_stop", d.earlyStop(), where);
      int trainLimit = intOr(s, "train_limit", d.trainLimit(), where);
      int valSize = intOr(s, "val_size", d.valSize(), where);
      String valSplit =
          s.containsKey("val_split") ? text(s.get("val_split"), "val_split", where) : d.valSplit();
      boolean normalize =
          s.containsKey("normalize") ? bool(s.get("normalize"), "normalize", where) : d.normalize();
      String init = s.containsKey("init") ? text(s.get("init"), "init", where) : d.init();
      int logEvery = intOr(s, "log_every", d.logEvery(), where);
      double labelSmoothing = doubleOr(s, "label_smoothing", d.labelSmoothing(), where);
      double ema = doubleOr(s, "ema", d.ema(), where);
      String augment =
          s.containsKey("augment") ? text(s.get("augment"), "augment", where) : d.augment();
      String optimizerName =
          s.containsKey("optimizer") ? text(s.get("optimizer"), "optimizer", where) : null;
      String scheduleName =
          s.containsKey("schedule") ? text(s.get("schedule"), "schedule", where) : null;
      // The rules of train settings do not know the file: the message gets the line of the
      // key being checked, else of the trial, and the trial's name once.
      JsonPointer rulesAt = s.containsKey("model") ? s.get("model").at() : at;
      try {
        ModelSpec.parse(model);
        if (optimizerName != null) {
          rulesAt = s.get("optimizer").at();
          optimizer = OptimizerKind.parse(optimizerName);
        }
        if (scheduleName != null) {
          rulesAt = s.get("schedule").at();
          schedule = ScheduleKind.parse(scheduleName);
        }
        if (s.containsKey("augment")) {
          rulesAt = s.get("augment").at();
          TrainConfig.defaults().withAugment(augment);
        }
        if (s.containsKey("label_smoothing")) {
          rulesAt = s.get("label_smoothing").at();
          TrainConfig.defaults().withLabelSmoothing(labelSmoothing);
        }
        if (s.containsKey("ema")) {
          rulesAt = s.get("ema").at();
          TrainConfig.defaults().withEma(ema);
        }
        rulesAt = at;
        TrainConfig config =
            new TrainConfig(
                model,
                epochs,
                batchSize,
                lr,
                optimizer,
                momentum,
                weightDecay,
                betas[0],
                betas[1],
                schedule,
                warmup,
                seed,
                1,
                earlyStop,
                trainLimit,
                valSize,
                valSplit,
                normalize,
                init,
                logEvery,
                augment,
                labelSmoothing,
                ema);
        // Before the study is stored and queued, not trial by trial in the engine.
        MemoryCheck.requireFits(config);
        return config;
      } catch (InvalidInputException e) {
        throw yaml.error(rulesAt, where + e.getMessage());
      }
    }

    private void checkKeys(JsonNode node, JsonPointer at, Set<String> allowed, String where) {
      if (!node.isObject()) {
        throw yaml.error(at, where + "expected a mapping of keys to values, got " + shown(node));
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          throw yaml.error(
              at.appendProperty(key),
              where
                  + "unknown key '"
                  + key
                  + "'; allowed: "
                  + String.join(", ", new TreeSet<>(allowed)));
        }
      }
    }

    private String name(JsonNode node, JsonPointer at, String what) {
      JsonNode v = node.get("name");
      if (v == null) {
        throw yaml.error(at, what + " needs a 'name'");
      }
      if (!v.isValueNode() || v.isNull() || v.asText().isBlank()) {
        throw yaml.error(
            at.appendProperty("name"),
            what + "'s 'name' must be non-empty text, " + "got " + shown(v));
      }
      return v.asText();
    }

    private String text(Setting s, String key, String where) {
      return text(s.node(), key, s.at(), where);
    }

    private String text(JsonNode v, String key, JsonPointer at, String where) {
      if (!v.isValueNode() || v.isNull()) {
        throw yaml.error(at, where + "'" + key + "' must be text, got " + shown(v));
      }
      return v.asText();
    }

    private int intOr(Map<String, Setting> s, String key, int fallback, String where) {
      return s.containsKey(key)
          ? integer(s.get(key).node(), key, s.get(key).at(), where)
          : fallback;
    }

    private int integer(JsonNode v, String key, JsonPointer at, String where) {
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw yaml.error(at, where + "'" + key + "' must be a whole number, got " + shown(v));
      }
      return v.asInt();
    }

    private long whole(Setting s, String key, String where) {
      JsonNode v = s.node();
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw yaml.error(s.at(), where + "'" + key + "' must be a whole number, got " + shown(v));
      }
      return v.asLong();
    }

    private boolean bool(Setting s, String key, String where) {
      if (!s.node().isBoolean()) {
        throw yaml.error(
            s.at(), where + "'" + key + "' must be true or false, got " + shown(s.node()));
      }
      return s.node().asBoolean();
    }

    private double doubleOr(Map<String, Setting> s, String key, double fallback, String where) {
      return s.containsKey(key) ? number(s.get(key).node(), key, s.get(key).at(), where) : fallback;
    }

    private Double optionalNumber(JsonNode t, String key, JsonPointer at, String where) {
      return t.has(key) ? number(t.get(key), key, at.appendProperty(key), where) : null;
    }

    /** Reads a finite number; YAML reads {@code 1e-3} (no dot) as text, so text is parsed. */
    private double number(JsonNode v, String key, JsonPointer at, String where) {
      double value = Double.NaN;
      if (v.isNumber()) {
        value = v.asDouble();
      } else if (v.isTextual()) {
        try {
          value = Double.parseDouble(v.asText().strip());
        } catch (NumberFormatException e) {
          value = Double.NaN;
        }
      }
      if (!Double.isFinite(value)) {
        throw yaml.error(at, where + "'" + key + "' must be a number, got " + shown(v));
      }
      return value;
    }

    private double[] betas(Setting s, String where) {
      JsonNode v = s.node();
      List<JsonNode> parts = new ArrayList<>();
      if (v.isArray()) {
        v.forEach(parts::add);
      } else if (v.isTextual()) {
        for (String part : v.asText().split(",", -1)) {
          parts.add(TextNode.valueOf(part));
        }
      }
      if (parts.size() != 2) {
        throw yaml.error(
            s.at(), where + "'betas' must be two numbers, e.g. [0.9, 0.999], got " + shown(v));
      }
      try {
        return new double[] {
          number(parts.get(0), "betas", s.at(), where), number(parts.get(1), "betas", s.at(), where)
        };
      } catch (InvalidInputException e) {
        throw yaml.error(
            s.at(), where + "'betas' must be two numbers, e.g. [0.9, 0.999], got " + shown(v));
      }
    }
  }

  /** Returns {@code v} as the user wrote it, near enough: text bare, lists and maps as JSON. */
  private static String shown(JsonNode v) {
    if (v.isNull()) {
      return "nothing";
    }
    String text = v.isValueNode() ? v.asText() : v.toString();
    text = text.replaceAll("\\s*\\R\\s*", " ");
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  /** A train setting's value and where it was written (in the trial or in defaults). */
  private record Setting(JsonNode node, JsonPointer at) {}
}
