package dev.mnistlab.train;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Records where and with what a result was produced, so that it can be traced and re-run: data
 * checksums, library versions, the JDK, the OS, the CPU and the thread settings. The full config
 * travels beside it in every result.
 *
 * @param mnistLab this program's version
 * @param djl Deep Java Library's version
 * @param engine the engine's name and version, e.g. {@code PyTorch 2.7.1}, with {@code (MKL vendor
 *     shim)} after it when the shim chose MKL's code path (its products differ from the generic
 *     path's in the last digits)
 * @param java the JDK's vendor and version
 * @param os the operating system's name, version and architecture
 * @param cpu the CPU model as the OS reports it
 * @param cores the cores the JVM may use
 * @param threads the engine's thread settings during the run
 * @param dataSource where the dataset came from
 * @param dataChecksums SHA-256 of each dataset file, by file name
 */
public record Provenance(
    String mnistLab,
    String djl,
    String engine,
    String java,
    String os,
    String cpu,
    int cores,
    ThreadSettings threads,
    String dataSource,
    Map<String, String> dataChecksums) {

  public Provenance {
    dataChecksums = Map.copyOf(dataChecksums);
  }

  /** Returns the provenance of a run on this machine, now. */
  public static Provenance capture(
      ThreadSettings threads, String dataSource, Map<String, String> dataChecksums) {
    Engine engine = Engine.getInstance();
    return new Provenance(
        version(),
        Engine.getDjlVersion(),
        engine.getEngineName()
            + " "
            + engine.getVersion()
            + (NativeTuning.mklShimLoaded() ? " (MKL vendor shim)" : ""),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        threads,
        dataSource,
        new TreeMap<>(dataChecksums));
  }

  /** Returns mnist-lab's version from the build, or {@code dev} when run from sources. */
  public static String version() {
    try (InputStream in =
        Provenance.class.getResourceAsStream("/dev/mnistlab/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  /** Returns the CPU model as the OS reports it, or the architecture where it does not. */
  public static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // Not Linux: fall through to the architecture, which every JVM knows.
    }
    return System.getProperty("os.arch");
  }
}
