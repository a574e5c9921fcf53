package dev.mnistlab.storage;

import java.time.Instant;

/**
 * Holds a stored study.
 *
 * @param id the storage's key for it
 * @param spec what it optimises and what defines it
 * @param createdAt when it was created
 * @param modelsDir the directory its workers save each finished run's model into (one {@code
 *     trial-N} directory per trial), or null when it keeps none; see {@link Storage#keepModels}
 */
public record StudyRecord(long id, StudySpec spec, Instant createdAt, String modelsDir) {
  /** Creates the record of a study that keeps no models. */
  public StudyRecord(long id, StudySpec spec, Instant createdAt) {
    this(id, spec, createdAt, null);
  }

  /** Returns the study's name. */
  public String name() {
    return spec.name();
  }
}
