package dev.mnistlab.search;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.train.MemoryCheck;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.TrainConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a search space from a YAML file: top-level {@code name}, optional {@code description}, and
 * {@code params}, a mapping from parameter names to what each may take, in the order they are
 * chosen:
 *
 * <pre>
 * name: mlp
 * params:
 *   layers: {int: [1, 3]}
 *   units_2: {int: [64, 1024], log: true, when: {layers: [2, 3]}}
 *   dropout: {float: [0.0, 0.5], step: 0.05}
 *   optimizer: {choice: [sgd, momentum, adam]}
 *   momentum: {float: [0.8, 0.99], when: {optimizer: [momentum]}}
 *   epochs: 12            # a bare value is fixed
 * </pre>
 *
 * <p>An optional {@code first} lists points to try before the sampler chooses any, each a mapping
 * of every parameter that applies to its value.
 *
 * <p>Parameter names are those {@link ModelBuilder#knownNames()} lists. Besides each value's own
 * rules, the reader builds the network with every parameter at its low end and at its high end, so
 * a space whose networks do not fit fails when it is read, not trials later; and it estimates the
 * memory of the largest network (every size parameter at its largest, see {@link #checkMemory}),
 * refusing a space this machine cannot train. Errors are one line naming the file, the line, the
 * parameter and the rule. Stateless and thread-safe.
 */
public final class SpaceReader {
  private static final List<String> BUILT_INS = List.of("mlp", "cnn");
  private static final Set<String> TOP_KEYS = Set.of("name", "description", "params", "first");

  /** Matches the parameters that make a network or its batch bigger as they grow. */
  private static final Pattern SIZES =
      Pattern.compile(
          "(units|channels)_[1-9][0-9]*|layers|conv_layers|dense_units|kernel|batch_size");

  private SpaceReader() {}

  /** Returns the names of the spaces shipped in the jar. */
  public static List<String> builtIns() {
    return BUILT_INS;
  }

  /**
   * Reads the space in {@code file}; the space's name defaults to the file's name without its
   * extension.
   *
   * @throws InvalidInputException if the file is missing, not YAML or breaks a rule
   */
  public static SearchSpace read(Path file) {
    return parse(fileText(file), file.toString(), stem(file));
  }

  /**
   * Reads a built-in space ({@code mlp} or {@code cnn}) or else the file at {@code nameOrPath}.
   *
   * @throws InvalidInputException if it is neither a built-in name nor an existing file, or the
   *     file breaks a rule
   */
  public static SearchSpace load(String nameOrPath) {
    if (BUILT_INS.contains(nameOrPath)) {
      return parse(text(nameOrPath), nameOrPath + ".yaml", nameOrPath);
    }
    return read(existing(nameOrPath));
  }

  /**
   * Returns the YAML text of the space {@link #load} would read, to store with a study.
   *
   * @throws InvalidInputException if it is neither a built-in name nor a readable file
   */
  public static String text(String nameOrPath) {
    if (BUILT_INS.contains(nameOrPath)) {
      try (InputStream in =
          SpaceReader.class.getResourceAsStream("/spaces/" + nameOrPath + ".yaml")) {
        if (in == null) {
          throw new IllegalStateException("built-in space " + nameOrPath + " is missing");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("built-in space " + nameOrPath + " is missing", e);
      }
    }
    return fileText(existing(nameOrPath));
  }

  /**
   * Parses YAML {@code text}; {@code source} names it in errors and {@code fallbackName} names the
   * space when the text does not.
   */
  public static SearchSpace parse(String text, String source, String fallbackName) {
    YamlPlaces places = new YamlPlaces(text, source);
    JsonNode root = places.root();
    JsonPointer top = JsonPointer.empty();
    if (root == null || !root.isObject()) {
      throw places.error("expected a mapping with name, description and params");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_KEYS.contains(key)) {
        throw places.error(
            top.appendProperty(key),
            "unknown key '" + key + "'; allowed: description, first, name, params");
      }
    }
    String name = fallbackName;
    if (root.has("name")) {
      JsonNode n = root.get("name");
      if (!n.isTextual() || n.asText().isBlank()) {
        throw places.error(top.appendProperty("name"), "'name' must be a non-empty name, got " + n);
      }
      name = n.asText();
    }
    JsonPointer paramsAt = top.appendProperty("params");
    JsonNode params = root.get("params");
    if (params == null || !params.isObject() || params.isEmpty()) {
      throw places.error(
          paramsAt, "'params' must map at least one parameter name to the " + "values it may take");
    }
    List<String> order = new ArrayList<>();
    params.fieldNames().forEachRemaining(order::add);
    Map<String, Param> read = new LinkedHashMap<>();
    for (String paramName : order) {
      read.put(
          paramName,
          ParamReader.read(
              places,
              paramName,
              params.get(paramName),
              paramsAt.appendProperty(paramName),
              order,
              read));
    }
    SearchSpace space = new SearchSpace(name, new ArrayList<>(read.values()));
    checkNetwork(space, false, places);
    checkNetwork(space, true, places);
    checkMemory(space, places, paramsAt);
    List<Map<String, Object>> first =
        FirstPoints.read(places, space, root.get("first"), top.appendProperty("first"));
    return first.isEmpty() ? space : new SearchSpace(name, space.params(), first);
  }

  /** Builds the network of the point with every parameter at one end, or fails. */
  private static void checkNetwork(SearchSpace space, boolean high, YamlPlaces places) {
    Map<String, Object> point = new LinkedHashMap<>();
    for (Param p : space.params()) {
      if (SearchSpace.applies(p, point)) {
        point.put(p.name(), end(p.distribution(), high));
      }
    }
    try {
      ModelBuilder.model(point, TrainConfig.DEFAULT_MODEL);
    } catch (InvalidInputException e) {
      throw places.error(
          "with every parameter at its "
              + (high ? "high end (last choice)" : "low end (first choice)")
              + " the network does not build: "
              + e.getMessage());
    }
  }

  /**
   * Refuses the space when its largest network needs more memory than this machine has, naming the
   * size parameter to blame: of those whose smallest value alone would make the network fit, the
   * one with the biggest largest value; if none would, the one whose smallest value saves the most.
   *
   * <p>The largest point takes every size parameter ({@code units_K}, {@code channels_K}, {@code
   * layers}, {@code conv_layers}, {@code dense_units}, {@code kernel}, {@code batch_size}) at its
   * largest value, the optimizer that keeps the most state, no pooling and batch norm if they are
   * choices, and anything else at its high end. Settings the space leaves alone count at {@code
   * train}'s defaults (batch 100, adam).
   */
  private static void checkMemory(SearchSpace space, YamlPlaces places, JsonPointer paramsAt) {
    Map<String, Object> largest = largest(space, null);
    MemoryEstimate need;
    try {
      need = estimate(largest);
    } catch (InvalidInputException e) {
      throw places.error(
          "with every size parameter at its largest the network does not "
              + "build: "
              + e.getMessage());
    }
    long machine = MachineMemory.totalBytes();
    if (need.fits(machine)) {
      return;
    }
    String blamed = null;
    boolean blamedFits = false;
    double blamedBytes = Double.POSITIVE_INFINITY;
    double blamedValue = Double.NEGATIVE_INFINITY;
    for (Param p : space.params()) {
      if (!SIZES.matcher(p.name()).matches() || !largest.containsKey(p.name())) {
        continue;
      }
      MemoryEstimate lowered = estimate(largest(space, p.name()));
      boolean fits = lowered.fits(machine);
      double value = ((Number) largest.get(p.name())).doubleValue();
      // Of the sizes that alone would make it fit, the biggest value (units_2 = 400000000
      // rather than layers = 2); if none would, the one whose smallest value saves most.
      boolean better =
          fits
              ? !blamedFits || value > blamedValue
              : !blamedFits
                  && (lowered.bytes() < blamedBytes
                      || (lowered.bytes() == blamedBytes && value > blamedValue));
      if (better) {
        blamed = p.name();
        blamedFits = fits;
        blamedBytes = lowered.bytes();
        blamedValue = value;
      }
    }
    String rest =
        "needs "
            + need.text()
            + ", more than this machine's "
            + MemoryEstimate.size(machine)
            + " of memory";
    if (blamed == null) {
      throw places.error("with every parameter at its largest the network " + rest);
    }
    throw places.error(
        paramsAt.appendProperty(blamed),
        "parameter '"
            + blamed
            + "': the "
            + "largest network, with "
            + blamed
            + " = "
            + largest.get(blamed)
            + ", "
            + rest);
  }

  /** Returns the memory the network and batch of {@code point} need with its optimizer. */
  private static MemoryEstimate estimate(Map<String, Object> point) {
    TrainConfig defaults = TrainConfig.defaults();
    ModelSpec spec = ModelSpec.parse(ModelBuilder.model(point, defaults.model()));
    int batch =
        point.containsKey("batch_size")
            ? Settings.whole("batch_size", point.get("batch_size"))
            : defaults.batchSize();
    OptimizerKind optimizer =
        point.containsKey("optimizer")
            ? Settings.optimizer(point.get("optimizer"))
            : defaults.optimizer();
    return MemoryCheck.estimate(spec, batch, optimizer);
  }

  /**
   * Returns the point with every parameter at its largest (see {@link #checkMemory}), except {@code
   * smallest}, if not null, at its smallest.
   */
  private static Map<String, Object> largest(SearchSpace space, String smallest) {
    Map<String, Object> point = new LinkedHashMap<>();
    for (Param p : space.params()) {
      if (SearchSpace.applies(p, point)) {
        point.put(p.name(), extreme(p.name(), p.distribution(), !p.name().equals(smallest)));
      }
    }
    return point;
  }

  private static Object extreme(String name, Distribution d, boolean largest) {
    if (d instanceof Distribution.Choice c) {
      List<Object> choices = c.choices();
      if (choices.stream().allMatch(v -> v instanceof Number)) {
        Comparator<Object> byValue = Comparator.comparingDouble(v -> ((Number) v).doubleValue());
        return largest
            ? choices.stream().max(byValue).orElseThrow()
            : choices.stream().min(byValue).orElseThrow();
      }
      if (name.equals("optimizer")) {
        return choices.stream()
            .max(Comparator.comparingInt(v -> Settings.optimizer(v).stateCopies()))
            .orElseThrow();
      }
      if (name.equals("pool") && choices.contains(false)) {
        return false;
      }
      if (name.equals("batch_norm") && choices.contains(true)) {
        return true;
      }
    }
    return end(d, largest);
  }

  private static Object end(Distribution d, boolean high) {
    if (d instanceof Distribution.IntRange r) {
      return high ? r.low() + (r.high() - r.low()) / r.step() * r.step() : r.low();
    }
    if (d instanceof Distribution.FloatRange r) {
      if (!high) {
        return r.low();
      }
      return r.step() > 0
          ? r.low() + Math.floor((r.high() - r.low()) / r.step() + 1e-9) * r.step()
          : r.high();
    }
    if (d instanceof Distribution.Choice c) {
      return c.choices().get(high ? c.choices().size() - 1 : 0);
    }
    return ((Distribution.Fixed) d).value();
  }

  private static Path existing(String nameOrPath) {
    Path path;
    try {
      path = Path.of(nameOrPath);
    } catch (java.nio.file.InvalidPathException e) {
      path = null;
    }
    if (path == null || !Files.isRegularFile(path)) {
      throw new InvalidInputException(
          "unknown search space '"
              + nameOrPath
              + "': not a file, "
              + "and the built-in spaces are "
              + String.join(", ", BUILT_INS));
    }
    return path;
  }

  private static String fileText(Path file) {
    return YamlPlaces.readFile(file, "search space file");
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
