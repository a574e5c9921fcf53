/**
 * Searches for the best network: search spaces, the samplers that choose each trial's parameters
 * (grid, random, TPE) and the pruners that stop hopeless trials early (median, ASHA, Hyperband).
 *
 * <p>Samplers and pruners are pure functions of what they are given (the space, the study's seed,
 * the trial's number and the earlier trials they may see), so the same study seed and the same
 * worker count give the same sequence of configurations.
 */
package dev.mnistlab.search;
