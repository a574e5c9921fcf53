/**
 * Keeps studies, their trials and the trials' curves in one database that any number of worker
 * processes share: an SQLite file on one machine, or PostgreSQL across machines.
 *
 * <p>Call order: {@link dev.mnistlab.storage.Storages#open(String)} (throws {@link
 * dev.mnistlab.InvalidInputException} with one line for a bad URL, an unreachable server, a wrong
 * password, a read-only or foreign file, or a schema newer than this program; {@link
 * dev.mnistlab.storage.Storages#openExisting(String)}, for commands that only read, also refuses a
 * storage that is not there yet instead of creating it), then {@link
 * dev.mnistlab.storage.Storage#createStudy} and {@link dev.mnistlab.storage.Storage#enqueue}; each
 * worker loops over {@link dev.mnistlab.storage.Storage#claim}, {@link
 * dev.mnistlab.storage.Storage#heartbeat} while it trains, and {@link
 * dev.mnistlab.storage.Storage#finish} (or {@link dev.mnistlab.storage.Storage#release} when
 * stopped), calling {@link dev.mnistlab.storage.Storage#recoverLost} now and then to queue again
 * the trials of workers that died. Reports read {@link dev.mnistlab.storage.Storage#trials} with
 * curves.
 *
 * <p>Only {@code Storages}, {@code Storage}, its records and {@code StorageBench} are public; one
 * JDBC implementation serves both databases.
 */
package dev.mnistlab.storage;
