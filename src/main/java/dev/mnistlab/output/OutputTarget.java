package dev.mnistlab.output;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Says what a path names once its symbolic links are followed, and so how an output is written
 * there.
 *
 * @param path where the bytes go: the link's final target, or the path as given for a process's
 *     open file
 * @param kind how to write there
 * @param what the kind of thing found, for a refusal ("a directory", "a block device")
 */
record OutputTarget(Path path, Kind kind, String what) {
  /** How an output is written to a target. */
  enum Kind {
    /** A regular file or a new name: temporary file and rename. */
    REPLACE,
    /** A device, pipe, socket or open file of a process: written in place. */
    DIRECT,
    /** A directory or a block device: refused. */
    REFUSE
  }

  // Linux caps symbolic link chains at 40; so do we.
  private static final int MAX_LINKS = 40;
  private static final int TYPE_MASK = 0170000;
  private static final int BLOCK_DEVICE = 0060000;

  /** Follows {@code given}'s symbolic links and says how to write to what they reach. */
  static OutputTarget of(Path given) throws IOException {
    Path path = given.toAbsolutePath();
    for (int links = 0; Files.isSymbolicLink(path); links++) {
      if (links == MAX_LINKS) {
        throw new FileSystemException(
            given.toString(), null, "more than " + MAX_LINKS + " symbolic links in a row");
      }
      if (isProcessFile(path)) {
        // /dev/stdout and the like name a process's open file, which may be a pipe, a
        // terminal or a file the shell opened: write through the descriptor, as a shell does.
        return new OutputTarget(given, Kind.DIRECT, "an open file");
      }
      path = path.resolveSibling(Files.readSymbolicLink(path));
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(path)) {
      return new OutputTarget(path, Kind.REPLACE, "a file");
    }
    if (Files.isDirectory(path)) {
      return new OutputTarget(path, Kind.REFUSE, "a directory");
    }
    if (isBlockDevice(path)) {
      // Writing a report over a disk is never what was meant.
      return new OutputTarget(path, Kind.REFUSE, "a block device");
    }
    return new OutputTarget(path, Kind.DIRECT, "a device or pipe");
  }

  /** Returns the exception that says why this target is refused. */
  IOException refusal() {
    return new FileSystemException(path.toString(), null, "is " + what + ", not a file");
  }

  /** Says whether {@code path} is an entry of a process's {@code fd} directory in /proc. */
  private static boolean isProcessFile(Path path) {
    Path parent = path.getParent();
    if (parent == null) {
      return false;
    }
    try {
      // /dev/fd is itself a link to /proc/self/fd, so look at where the directory really is.
      Path real = parent.toRealPath();
      return real.startsWith("/proc")
          && real.getFileName() != null
          && real.getFileName().toString().equals("fd");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isBlockDevice(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return (mode & TYPE_MASK) == BLOCK_DEVICE;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
