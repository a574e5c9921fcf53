/**
 * Sweeps one hyperparameter at a time around a base configuration, over seeds: the plan ({@link
 * dev.mnistlab.sweep.SweepPlan} of {@link dev.mnistlab.sweep.SweepFactor}s, with epochs read from
 * learning curves and an optional grid of two factors), how a factor's value is set on a config
 * ({@link dev.mnistlab.sweep.FactorSetting}), the stored form of a sweep ({@link
 * dev.mnistlab.sweep.StoredSweep}) and its report's wording ({@link
 * dev.mnistlab.sweep.SweepNarrative}). A sweep's runs are trained by the workers of {@code worker};
 * its base may be a trial of a study preset.
 */
package dev.mnistlab.sweep;
