/**
 * Searches a space of networks: trials created on demand by a sampler ({@link
 * dev.mnistlab.tune.TuneSource}), judged after every epoch by a pruner ({@link
 * dev.mnistlab.tune.TuneJudge}), stored and resumed as a study ({@link
 * dev.mnistlab.tune.TuneStudies}, {@link dev.mnistlab.tune.TuneDefinition}), and summed up ({@link
 * dev.mnistlab.tune.TuneReport}). The spaces, samplers and pruners themselves are the {@code
 * search} package's; the workers that train the trials are {@code worker}'s.
 */
package dev.mnistlab.tune;
