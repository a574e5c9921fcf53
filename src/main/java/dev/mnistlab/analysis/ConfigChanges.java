package dev.mnistlab.analysis;

import dev.mnistlab.train.TrainConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Lists the settings that differ between two configs, for the step from one trial to the next. */
final class ConfigChanges {
  private ConfigChanges() {}

  /**
   * Returns one {@code "field: old -> new"} line per TrainConfig component that differs, in the
   * record's order. The seed is left out: trials repeat over seeds by design.
   */
  static List<String> between(TrainConfig before, TrainConfig after) {
    List<String> changes = new ArrayList<>();
    // Reading the record's components keeps the list complete when TrainConfig grows.
    for (RecordComponent c : TrainConfig.class.getRecordComponents()) {
      if (c.getName().equals("seed")) {
        continue;
      }
      Object old = value(c, before);
      Object now = value(c, after);
      if (!Objects.equals(old, now)) {
        changes.add(c.getName() + ": " + text(old) + " -> " + text(now));
      }
    }
    return List.copyOf(changes);
  }

  private static Object value(RecordComponent component, TrainConfig config) {
    try {
      return component.getAccessor().invoke(config);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read TrainConfig." + component.getName(), e);
    }
  }

  private static String text(Object value) {
    if (value instanceof Double d && Double.isFinite(d)) {
      // 1e-4 reads as 0.0001, the way the seed study writes learning rates.
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(java.util.Locale.ROOT);
    }
    return String.valueOf(value);
  }
}
