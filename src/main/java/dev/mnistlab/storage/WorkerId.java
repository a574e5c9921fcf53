package dev.mnistlab.storage;

import java.net.InetAddress;
import java.util.Objects;
import java.util.UUID;

/**
 * Names a worker process as {@code host:pid:nonce}, so a lost worker on the same machine is
 * recognised at once (its process is gone) and one elsewhere after the heartbeat grace.
 *
 * @param host the machine's host name
 * @param pid the worker's process id
 * @param nonce random characters telling apart processes that reused a pid
 */
public record WorkerId(String host, long pid, String nonce) {
  public WorkerId {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(nonce, "nonce");
  }

  /** Returns a new id for this process. */
  public static WorkerId current() {
    return new WorkerId(
        hostName(), ProcessHandle.current().pid(), UUID.randomUUID().toString().substring(0, 8));
  }

  /** Parses {@link #toString()}'s form; returns null for anything else. */
  public static WorkerId parse(String text) {
    if (text == null) {
      return null;
    }
    int last = text.lastIndexOf(':');
    int middle = last > 0 ? text.lastIndexOf(':', last - 1) : -1;
    if (middle <= 0) {
      return null;
    }
    try {
      return new WorkerId(
          text.substring(0, middle),
          Long.parseLong(text.substring(middle + 1, last)),
          text.substring(last + 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Returns whether this worker ran on this machine and its process has ended. */
  public boolean isLocalAndGone() {
    return host.equals(hostName()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  @Override
  public String toString() {
    return host + ":" + pid + ":" + nonce;
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }
}
