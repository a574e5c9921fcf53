package dev.mnistlab.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Records where each file of a fetched MNIST copy came from, in {@code SOURCE.properties}.
 *
 * <p>Its presence marks the directory as one that {@code data fetch} wrote, which is what makes a
 * checksum mismatch an error there rather than a sign of a user's own MNIST-like set.
 */
record SourceMarker(Map<MnistFile, Entry> entries) {
  static final String FILE_NAME = "SOURCE.properties";

  /** Says where one file came from, its SHA-256 and when it was fetched. */
  record Entry(String source, String sha256, Instant fetchedAt) {}

  SourceMarker {
    EnumMap<MnistFile, Entry> copy = new EnumMap<>(MnistFile.class);
    copy.putAll(entries);
    entries = Collections.unmodifiableMap(copy);
  }

  static Optional<SourceMarker> read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable marker still marks the directory as ours: checksums stay strict.
      return Optional.of(new SourceMarker(Map.of()));
    }
    Map<MnistFile, Entry> entries = new EnumMap<>(MnistFile.class);
    for (MnistFile f : MnistFile.values()) {
      String source = props.getProperty(f.fileName() + ".source");
      if (source != null) {
        entries.put(
            f,
            new Entry(
                source,
                props.getProperty(f.fileName() + ".sha256", ""),
                parseInstant(props.getProperty(f.fileName() + ".fetched"))));
      }
    }
    return Optional.of(new SourceMarker(entries));
  }

  SourceMarker with(MnistFile file, Entry entry) {
    Map<MnistFile, Entry> copy = new EnumMap<>(MnistFile.class);
    copy.putAll(entries);
    copy.put(file, entry);
    return new SourceMarker(copy);
  }

  /** Writes the marker atomically, so a reader never sees half of it. */
  void write(Path dir) throws IOException {
    StringBuilder text =
        new StringBuilder()
            .append(
                "# Written by 'mnist-lab data fetch': this directory is a fetched copy of MNIST.\n")
            .append("dataset=MNIST\n");
    entries.forEach(
        (f, e) ->
            text.append(f.fileName())
                .append(".source=")
                .append(e.source())
                .append('\n')
                .append(f.fileName())
                .append(".sha256=")
                .append(e.sha256())
                .append('\n')
                .append(f.fileName())
                .append(".fetched=")
                .append(e.fetchedAt())
                .append('\n'));
    AtomicFiles.write(dir.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Instant parseInstant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
