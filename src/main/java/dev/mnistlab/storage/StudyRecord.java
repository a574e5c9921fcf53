package dev.mnistlab.storage;

import java.time.Instant;

/**
 * Holds a stored study.
 *
 * @param id the storage's key for it
 * @param spec what it optimises and what defines it
 * @param createdAt when it was created
 */
public record StudyRecord(long id, StudySpec spec, Instant createdAt) {
  /** Returns the study's name. */
  public String name() {
    return spec.name();
  }
}
