package dev.mnistlab.storage;

import dev.mnistlab.train.TrainConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a trial to queue: the full training config and what it means in its study.
 *
 * @param label the name a report groups it under, e.g. {@code trial 3} or {@code lr=0.01}
 * @param params the values that vary between the study's trials, by name, in order (numbers,
 *     strings or booleans)
 * @param config every setting of the run, seed included
 */
public record TrialRequest(String label, Map<String, Object> params, TrainConfig config) {
  public TrialRequest {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(config, "config");
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
