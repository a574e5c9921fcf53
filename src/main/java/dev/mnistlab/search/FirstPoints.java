package dev.mnistlab.search;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a space file's {@code first} points: each a mapping of every parameter that applies to a
 * value it allows, turned into the value types samplers produce (so that a YAML {@code 1} for a
 * float parameter becomes {@code 1.0}).
 */
final class FirstPoints {
  private FirstPoints() {}

  /** Returns the points under {@code node} (absent: none), or fails naming the point. */
  static List<Map<String, Object>> read(
      YamlPlaces places, SearchSpace space, JsonNode node, JsonPointer at) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      throw places.error(
          at, "'first' must be a list of points, each mapping parameters to " + "values");
    }
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      points.add(point(places, space, node.get(i), at.appendIndex(i), i + 1));
    }
    return points;
  }

  private static Map<String, Object> point(
      YamlPlaces places, SearchSpace space, JsonNode node, JsonPointer at, int number) {
    String which = "first point " + number + ": ";
    if (!node.isObject()) {
      throw places.error(at, which + "expected a mapping of parameters to values");
    }
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (space.param(key) == null) {
                throw places.error(
                    at.appendProperty(key),
                    which + "'" + key + "' is not a parameter " + "of the space");
              }
            });
    Map<String, Object> point = new LinkedHashMap<>();
    for (Param p : space.params()) {
      if (!SearchSpace.applies(p, point)) {
        if (node.has(p.name())) {
          throw places.error(
              at.appendProperty(p.name()),
              which
                  + "'"
                  + p.name()
                  + "' does "
                  + "not apply here (its condition on '"
                  + p.condition().param()
                  + "' fails)");
        }
        continue;
      }
      JsonNode v = node.get(p.name());
      Object value =
          v == null && p.distribution() instanceof Distribution.Fixed f
              ? f.value()
              : v == null ? null : coerce(p.distribution(), v);
      if (value == null) {
        throw places.error(at, which + "no value for '" + p.name() + "'");
      }
      if (!p.distribution().contains(value)) {
        throw places.error(
            at.appendProperty(p.name()),
            which + "'" + p.name() + "' = " + v + " is not a value the space allows");
      }
      point.put(p.name(), value);
    }
    return point;
  }

  /** Returns {@code v} as the type {@code d}'s samples have, or its plain value. */
  private static Object coerce(Distribution d, JsonNode v) {
    if (d instanceof Distribution.IntRange && v.canConvertToExactIntegral()) {
      return v.asInt();
    }
    if (d instanceof Distribution.FloatRange && v.isNumber()) {
      return v.asDouble();
    }
    Object plain =
        v.isIntegralNumber()
            ? (Object) v.asInt()
            : v.isNumber() ? v.asDouble() : v.isBoolean() ? v.asBoolean() : v.asText();
    if (d instanceof Distribution.Choice c) {
      // The choice's own element, so a point holds exactly what a sampler would give.
      return c.choices().stream().filter(x -> Values.same(x, plain)).findFirst().orElse(plain);
    }
    if (d instanceof Distribution.Fixed f && Values.same(f.value(), plain)) {
      return f.value();
    }
    return plain;
  }
}
