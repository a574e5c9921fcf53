/**
 * Holds studies of named trials over seeds: the study file format and its presets ({@link
 * dev.mnistlab.study.StudyFile}, {@link dev.mnistlab.study.StudyDefinition}, {@link
 * dev.mnistlab.study.TrialDefinition}), their stored form ({@link dev.mnistlab.study.StoredStudy}),
 * the rows any stored study exports ({@link dev.mnistlab.study.TrialRows}), and the report's
 * wording: tables, step-by-step verdicts and diagnoses ({@link dev.mnistlab.study.StudyNarrative},
 * {@link dev.mnistlab.study.DiagnosisText}). Sweeps reuse its wording; workers train its runs.
 */
package dev.mnistlab.study;
