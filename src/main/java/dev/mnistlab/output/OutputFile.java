package dev.mnistlab.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one output file the way a careful command-line tool does: a reader sees the old file or
 * the complete new one, and nothing but a regular file is ever replaced.
 *
 * <ul>
 *   <li>A regular file, or a name that does not exist yet, is written to a hidden temporary file in
 *       the same directory and renamed over the target, so a crash or a full disk leaves the old
 *       file and no temporary file behind.
 *   <li>A symbolic link is followed: its target is written the same way and the link stays.
 *   <li>A character device ({@code /dev/null}, a terminal), a named pipe, a socket or a process's
 *       open file ({@code /dev/stdout}) is written directly, never renamed over.
 *   <li>A directory or a block device is refused.
 * </ul>
 *
 * <p>New files get the permissions the user's umask allows; a replaced file keeps its own.
 * Thread-safe: calls share no state.
 */
public final class OutputFile {
  private OutputFile() {}

  /** Writes the bytes {@code body} produces to {@code target}; see the class comment. */
  public static void write(Path target, StreamWriter body) throws IOException {
    OutputTarget resolved = OutputTarget.of(target);
    switch (resolved.kind()) {
      case DIRECT -> writeDirectly(resolved.path(), body);
      case REPLACE -> replace(resolved.path(), body);
      default -> throw resolved.refusal();
    }
  }

  /** Writes {@code bytes} to {@code target}; see the class comment. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes {@code text} as UTF-8 to {@code target}; see the class comment. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Moves the finished file {@code source} to {@code target} under the same rules as {@link
   * #write}: renamed when the target is a regular file or new and on the same filesystem, copied
   * otherwise; {@code source} is gone afterwards either way.
   */
  static void moveTo(Path source, Path target) throws IOException {
    OutputTarget resolved = OutputTarget.of(target);
    if (resolved.kind() == OutputTarget.Kind.REPLACE) {
      try {
        keepPermissions(resolved.path(), source);
        Files.move(
            source,
            resolved.path(),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        return;
      } catch (AtomicMoveNotSupportedException e) {
        // Another filesystem (a link pointing elsewhere): copy through a temporary file there.
      }
    }
    write(target, out -> Files.copy(source, out));
    Files.delete(source);
  }

  /**
   * Returns a temporary name beside {@code target}: hidden, unique and recognisable, so a process
   * killed mid-write leaves something a user can tell apart and delete.
   */
  static Path temporaryBeside(Path target) {
    return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
  }

  private static void writeDirectly(Path path, StreamWriter body) throws IOException {
    // No CREATE: the device or pipe exists, and the name must not become a plain file.
    try (OutputStream out =
        Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      body.writeTo(out);
    }
  }

  private static void replace(Path target, StreamWriter body) throws IOException {
    // Not Files.createTempFile: its owner-only permissions would stick to the final file.
    Path temp = temporaryBeside(target);
    boolean moved = false;
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        body.writeTo(out);
        out.flush();
        // On disk before the rename, so a power cut cannot leave an empty file in its place.
        channel.force(true);
      }
      keepPermissions(target, temp);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Gives {@code replacement} the permissions of the regular file {@code old}, if any. */
  private static void keepPermissions(Path old, Path replacement) throws IOException {
    if (Files.isRegularFile(old)) {
      try {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(old);
        Files.setPosixFilePermissions(replacement, permissions);
      } catch (UnsupportedOperationException e) {
        // Not a POSIX filesystem: the umask's permissions are all there is.
      }
    }
  }

  /** Writes an output's bytes to a stream the caller does not close. */
  @FunctionalInterface
  public interface StreamWriter {
    /** Writes everything to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }
}
