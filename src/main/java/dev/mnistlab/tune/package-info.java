/**
 * Searches a space of networks: trials created on demand by a sampler ({@link
 * dev.mnistlab.tune.TuneSource}), judged after every epoch by a pruner ({@link
 * dev.mnistlab.tune.TuneJudge}), stored and resumed as a study ({@link
 * dev.mnistlab.tune.TuneStudies}, {@link dev.mnistlab.tune.TuneDefinition}), confirmed by training
 * the best again with new seeds ({@link dev.mnistlab.tune.TuneConfirmations}, {@link
 * dev.mnistlab.tune.TuneConfirmation}), and summed up ({@link dev.mnistlab.tune.TuneReport}). The
 * spaces, samplers and pruners themselves are the {@code search} package's; the workers that train
 * the trials are {@code worker}'s; the intervals and tests are {@code analysis}'s.
 */
package dev.mnistlab.tune;
