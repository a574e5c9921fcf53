/**
 * Runs a stored study's trials: a {@link dev.mnistlab.worker.Worker} claims waiting trials from a
 * storage, keeps a heartbeat for each while it trains, stores each end (or queues the trial again
 * when it stops), and recovers the trials of workers that died.
 *
 * <p>Training happens in kept child processes ({@link dev.mnistlab.worker.TrialProcess}, one engine
 * thread each) that speak a line protocol ({@link dev.mnistlab.worker.ServerProtocol}); an {@link
 * dev.mnistlab.worker.EpochJudge} may stop a trial after any epoch, which is how searches prune.
 * {@link dev.mnistlab.worker.TrialSource} lets a search hand out trials on demand. This package
 * knows nothing of study files, sweeps or searches: they use it.
 */
package dev.mnistlab.worker;
