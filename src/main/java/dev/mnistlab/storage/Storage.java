package dev.mnistlab.storage;

import dev.mnistlab.train.EpochMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Keeps studies, their trials and the trials' metrics, shared by any number of worker processes on
 * any number of machines.
 *
 * <p>The operations fall in three groups: studies (create, find, list, delete), the trial life
 * cycle a worker drives ({@link #enqueue} -> {@link #claim} -> {@link #heartbeat} -> {@link
 * #finish} or {@link #release}, with {@link #recoverLost} for trials whose worker died), and
 * reading trials back. It is larger than the house's usual small interface because each of these is
 * one atomic step that only the database can make atomic.
 *
 * <p>Every method is one transaction: it either happens whole or not at all. An implementation is
 * safe to call from several threads of one process; processes coordinate through the database
 * alone. Methods throw {@link dev.mnistlab.InvalidInputException} with one line for faults a user
 * can fix (unreachable server, wrong password, unknown study, read-only or foreign file, a schema
 * newer than this program).
 */
public interface Storage extends AutoCloseable {

  /**
   * Returns where this storage is, as {@code sqlite:PATH} (the path as the user gave it) or {@code
   * postgresql://user@host:port/db}: never with a password, so safe for messages.
   */
  String describe();

  /**
   * Creates the study, or returns the stored one if a study of that name exists (several workers
   * may start at once; the first creates it).
   */
  StudyRecord createStudy(StudySpec spec);

  /** Returns the study named {@code name}, if there is one. */
  Optional<StudyRecord> findStudy(String name);

  /** Returns every study with its trial counts and best value, oldest first. */
  List<StudySummary> studies();

  /** Deletes the study and everything stored for it; returns false if there was none. */
  boolean deleteStudy(String name);

  /**
   * Queues trials at the end of the study's queue, numbered on from its last trial, all in one
   * transaction; returns them as stored.
   */
  List<TrialRecord> enqueue(long studyId, List<TrialRequest> trials);

  /**
   * Queues trial {@code number} with {@code request} unless the study already has a trial of that
   * number, and returns the stored trial either way. Workers that sample trials from a seed all
   * compute the same request for a number, so whichever inserts first wins and the others read it
   * back.
   */
  TrialRecord enqueueAt(long studyId, int number, TrialRequest request);

  /** Replaces a study's stored definition (a search continued with a changed space). */
  void redefine(long studyId, String definition);

  /**
   * Records that the study's workers save each run that completes into a directory of its own under
   * {@code modelsDir} ({@code trial-N}), or, with null, that they keep none from now on. Trials
   * already finished keep the directory {@link #finish} recorded for them.
   */
  void keepModels(long studyId, String modelsDir);

  /**
   * Claims the study's lowest-numbered waiting trial for {@code workerId}: it becomes {@code
   * RUNNING}, its attempts grow by one and its heartbeat is now. No two claims, from any processes,
   * ever return the same trial. Returns empty when none is waiting.
   */
  Optional<TrialRecord> claim(long studyId, String workerId);

  /**
   * Writes a sign of life for a trial {@code workerId} holds; returns false if the worker no longer
   * holds it (it was recovered as lost and queued again), so the worker should stop it.
   */
  boolean heartbeat(long trialId, String workerId);

  /**
   * Stores one finished epoch of a running trial {@code workerId} holds, and counts as a heartbeat,
   * so that pruners on other workers can compare with it before the trial ends; returns false and
   * stores nothing if the worker no longer holds it. A new attempt starts with no epochs; {@link
   * #finish} replaces them with the final curve.
   */
  boolean reportEpoch(long trialId, String workerId, EpochMetrics epoch);

  /**
   * Stores a held trial's end (state, reason, value, curves, test metrics, provenance, the
   * directory of its kept model) in one transaction; returns false and stores nothing if {@code
   * workerId} no longer holds it.
   */
  boolean finish(long trialId, String workerId, TrialOutcome outcome);

  /**
   * Queues a held trial again without counting the attempt (its worker is stopping); returns false
   * if the worker no longer held it.
   */
  boolean release(long trialId, String workerId, String reason);

  /**
   * Finds the study's running trials whose worker is lost (no heartbeat for {@code grace}, or, on
   * this machine, its process has ended) and queues each again, or marks it {@code FAILED} once it
   * has been claimed {@code maxAttempts} times; returns the trials so changed.
   */
  List<TrialRecord> recoverLost(long studyId, Duration grace, int maxAttempts);

  /**
   * Returns the study's trials by number; with {@code curves}, each with its per-epoch metrics and
   * sampled step losses.
   */
  List<TrialRecord> trials(long studyId, boolean curves);

  /**
   * Returns the study's trials by number, each with its per-epoch metrics (of running trials too,
   * as far as they have reported them) but without step losses: what pruners read.
   */
  List<TrialRecord> trialsWithEpochs(long studyId);

  /** Closes the connection; the storage must not be used after. */
  @Override
  void close();
}
