package dev.mnistlab.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads PostgreSQL password files in libpq's {@code .pgpass} format: one entry a line as {@code
 * hostname:port:database:username:password}, where any of the first four may be {@code *} (matches
 * anything), {@code \:} is a colon and {@code \\} a backslash inside a field, and lines starting
 * with {@code #} are comments. The first matching line wins.
 */
final class PgPass {
  private final List<String[]> entries;

  private PgPass(List<String[]> entries) {
    this.entries = entries;
  }

  /** Parses the file's lines; lines with fewer than five fields are skipped, as libpq does. */
  static PgPass parse(List<String> lines) {
    List<String[]> entries = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line);
      if (fields.size() >= 5) {
        entries.add(fields.subList(0, 5).toArray(new String[0]));
      }
    }
    return new PgPass(entries);
  }

  /**
   * Returns the password file's location: {@code PGPASSFILE} when set, else {@code .pgpass} in
   * {@code HOME} (or the JVM's home directory).
   */
  static Path location(Map<String, String> env) {
    String file = env.get("PGPASSFILE");
    if (file != null && !file.isBlank()) {
      return Path.of(file);
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".pgpass");
  }

  /** Reads {@code file}; a missing or unreadable file has no entries, as in libpq. */
  static PgPass read(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new PgPass(List.of());
    }
  }

  /** Returns the password of the first entry matching the four keys, if any. */
  Optional<String> passwordFor(String host, int port, String database, String user) {
    String[] keys = {host, Integer.toString(port), database, user};
    for (String[] entry : entries) {
      boolean matches = true;
      for (int i = 0; i < keys.length && matches; i++) {
        matches = entry[i].equals("*") || entry[i].equals(keys[i]);
      }
      if (matches) {
        return Optional.of(entry[4]);
      }
    }
    return Optional.empty();
  }

  /** Splits a line at unescaped colons, resolving {@code \:} and {@code \\}. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
      } else if (c == ':' && fields.size() < 4) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
