package dev.mnistlab.search;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mnistlab.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one parameter of a search space file: a bare scalar, which is fixed, or a mapping with one
 * of {@code int: [low, high]}, {@code float: [low, high]}, {@code choice: [...]} or {@code fixed:
 * value}, and optionally {@code log: true}, {@code step: s} and {@code when: {earlier: [values]}}.
 *
 * <p>Every error names the parameter and, through {@link YamlPlaces}, the file and line.
 */
final class ParamReader {
  private static final List<String> KINDS = List.of("int", "float", "choice", "fixed");
  private static final Set<String> KEYS =
      Set.of("int", "float", "choice", "fixed", "log", "step", "when");

  private final YamlPlaces places;
  private final String name;
  private final JsonPointer at;

  private ParamReader(YamlPlaces places, String name, JsonPointer at) {
    this.places = places;
    this.name = name;
    this.at = at;
  }

  /**
   * Reads parameter {@code name} from {@code node}, found at {@code at}.
   *
   * @param order every parameter name of the file, in order, to tell an unknown name in a {@code
   *     when} from a later one
   * @param earlier the parameters read before this one
   */
  static Param read(
      YamlPlaces places,
      String name,
      JsonNode node,
      JsonPointer at,
      List<String> order,
      Map<String, Param> earlier) {
    return new ParamReader(places, name, at).read(node, order, earlier);
  }

  private Param read(JsonNode node, List<String> order, Map<String, Param> earlier) {
    if (!Settings.knows(name)) {
      throw fail(
          at,
          "not a setting the model builder knows; known: "
              + String.join(", ", ModelBuilder.knownNames()));
    }
    if (!node.isObject()) {
      Distribution fixed = new Distribution.Fixed(scalar(node, at));
      check(fixed, at);
      return new Param(name, fixed, null);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw fail(
            at.appendProperty(key),
            "unknown key '" + key + "'; allowed: " + String.join(", ", new TreeSet<>(KEYS)));
      }
    }
    List<String> kinds = KINDS.stream().filter(node::has).toList();
    if (kinds.size() != 1) {
      throw fail(
          at,
          "give exactly one of int, float, choice, fixed, got "
              + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
    }
    String kind = kinds.get(0);
    Distribution distribution =
        switch (kind) {
          case "int", "float" -> range(node, kind);
          default -> {
            if (node.has("log") || node.has("step")) {
              throw fail(
                  at.appendProperty(node.has("log") ? "log" : "step"),
                  "'log' and 'step' only apply to int and float");
            }
            yield kind.equals("choice")
                ? choice(node.get("choice"), at.appendProperty("choice"))
                : new Distribution.Fixed(scalar(node.get("fixed"), at.appendProperty("fixed")));
          }
        };
    check(distribution, at.appendProperty(kind));
    Condition condition =
        node.has("when")
            ? condition(node.get("when"), at.appendProperty("when"), order, earlier)
            : null;
    return new Param(name, distribution, condition);
  }

  private Distribution range(JsonNode node, String kind) {
    JsonPointer where = at.appendProperty(kind);
    JsonNode bounds = node.get(kind);
    boolean whole = kind.equals("int");
    if (!bounds.isArray()
        || bounds.size() != 2
        || !isNumber(bounds.get(0), whole)
        || !isNumber(bounds.get(1), whole)) {
      if (whole && bounds.isArray()) {
        // A whole bound past an int ({int: [32, 1e12]}) breaks the parameter's range: say so.
        for (JsonNode bound : bounds) {
          if (bound.isNumber() && bound.asDouble() == Math.rint(bound.asDouble())) {
            check(new Distribution.Fixed(bound.asDouble()), where);
          }
        }
      }
      throw fail(
          where,
          "'"
              + kind
              + "' must be [low, high] with "
              + (whole
                  ? "whole " + "numbers from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                  : "numbers")
              + ", got "
              + bounds);
    }
    double low = bounds.get(0).asDouble();
    double high = bounds.get(1).asDouble();
    if (low > high) {
      throw fail(where, "low must be <= high, got " + bounds);
    }
    boolean log = false;
    if (node.has("log")) {
      JsonNode flag = node.get("log");
      if (!flag.isBoolean()) {
        throw fail(at.appendProperty("log"), "'log' must be true or false, got " + flag);
      }
      log = flag.asBoolean();
    }
    if (log && low <= 0) {
      throw fail(where, "log needs low > 0, got " + bounds.get(0));
    }
    double step = whole ? 1 : 0;
    if (node.has("step")) {
      JsonPointer stepAt = at.appendProperty("step");
      JsonNode s = node.get("step");
      if (log) {
        throw fail(stepAt, "'step' cannot be combined with 'log'");
      }
      if (!isNumber(s, whole) || s.asDouble() <= 0) {
        throw fail(stepAt, "'step' must be a " + (whole ? "whole " : "") + "number > 0, got " + s);
      }
      step = s.asDouble();
    }
    return whole
        ? new Distribution.IntRange((int) low, (int) high, (int) step, log)
        : new Distribution.FloatRange(low, high, step, log);
  }

  private Distribution choice(JsonNode list, JsonPointer where) {
    if (!list.isArray()) {
      throw fail(where, "'choice' must be a list of values, got " + list);
    }
    if (list.isEmpty()) {
      throw fail(where, "'choice' must list at least one value");
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object value = scalar(list.get(i), where.appendIndex(i));
      if (values.stream().anyMatch(v -> Values.same(v, value))) {
        throw fail(where.appendIndex(i), "'choice' lists " + value + " twice");
      }
      values.add(value);
    }
    // A list such as [0, 1.0e-5] means reals; keep one type so a 0 and a 0.0 never differ.
    if (values.stream().anyMatch(v -> v instanceof Double)
        && values.stream().allMatch(v -> v instanceof Number)) {
      values.replaceAll(v -> ((Number) v).doubleValue());
    }
    return new Distribution.Choice(values);
  }

  private Condition condition(
      JsonNode when, JsonPointer where, List<String> order, Map<String, Param> earlier) {
    if (!when.isObject() || when.size() != 1) {
      throw fail(
          where,
          "'when' must name one earlier parameter and its values, e.g. "
              + "{optimizer: [momentum, nesterov]}");
    }
    String other = when.fieldNames().next();
    JsonPointer otherAt = where.appendProperty(other);
    if (!order.contains(other)) {
      throw fail(
          otherAt, "'when' names '" + other + "', which is not a parameter of this " + "space");
    }
    Param before = earlier.get(other);
    if (before == null) {
      throw fail(otherAt, "'when' names '" + other + "', which must come before it");
    }
    JsonNode listed = when.get(other);
    List<Object> values = new ArrayList<>();
    if (listed.isArray()) {
      for (int i = 0; i < listed.size(); i++) {
        values.add(scalar(listed.get(i), otherAt.appendIndex(i)));
      }
    } else {
      values.add(scalar(listed, otherAt));
    }
    if (values.isEmpty()) {
      throw fail(otherAt, "'when' must list at least one value of '" + other + "'");
    }
    for (Object value : values) {
      if (!before.distribution().contains(value)) {
        throw fail(otherAt, "'when' value " + value + " is not one '" + other + "' can take");
      }
    }
    return new Condition(other, values);
  }

  /** Checks every value the distribution allows at its ends, or lists, against the builder. */
  private void check(Distribution distribution, JsonPointer where) {
    List<Object> values;
    if (distribution instanceof Distribution.IntRange r) {
      values = List.of(r.low(), r.high());
    } else if (distribution instanceof Distribution.FloatRange r) {
      values = List.of(r.low(), r.high());
    } else if (distribution instanceof Distribution.Choice c) {
      values = c.choices();
    } else {
      values = List.of(((Distribution.Fixed) distribution).value());
    }
    for (Object value : values) {
      try {
        Settings.check(name, value);
      } catch (InvalidInputException e) {
        throw places.error(where, e.getMessage());
      }
    }
  }

  /** Returns a YAML scalar as Integer, Double, Boolean or String. */
  private Object scalar(JsonNode node, JsonPointer where) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.asInt();
    }
    if (node.isIntegralNumber()) {
      // Past an int: kept as a number so the parameter's rule can say its range.
      return node.asDouble();
    }
    if (node.isFloatingPointNumber() && Double.isFinite(node.asDouble())) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isTextual()) {
      return node.asText();
    }
    throw fail(
        where,
        "a value must be a number, a name or true/false, got "
            + (node.isNull() ? "nothing" : node.toString()));
  }

  private static boolean isNumber(JsonNode node, boolean whole) {
    return whole
        ? node.isIntegralNumber() && node.canConvertToInt()
        : node.isNumber() && Double.isFinite(node.asDouble());
  }

  private InvalidInputException fail(JsonPointer where, String message) {
    return places.error(where, "parameter '" + name + "': " + message);
  }
}
