package dev.mnistlab.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.OutputChecks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML document into a tree and remembers the line each key and value starts on, so that an
 * error found in the tree can name its line.
 *
 * <p>Jackson's tree keeps no locations, so the text is read twice: once into the tree and once as a
 * token stream that maps each JSON pointer to its first line. One instance belongs to one document;
 * it is immutable after construction. Search spaces and study files both read through it, so their
 * errors read alike.
 */
public final class YamlPlaces {
  /** The largest file read: far above any real study or space, far below trouble. */
  public static final long MAX_BYTES = 1_000_000;

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  private final String source;
  private final JsonNode root;
  private final Map<String, Integer> lines = new HashMap<>();

  /**
   * Parses {@code text}; {@code source} names it in every error.
   *
   * @throws InvalidInputException naming the source and the line when the text is not YAML
   */
  public YamlPlaces(String text, String source) {
    this.source = source;
    try {
      root = YAML.readTree(text);
      try (JsonParser parser = YAML.getFactory().createParser(text)) {
        while (parser.nextToken() != null) {
          lines.putIfAbsent(
              parser.getParsingContext().pathAsPointer().toString(),
              parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      // SnakeYAML marks where the problem is; Jackson's location is where it was noticed.
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        line = marked.getProblemMark().getLine() + 1;
      }
      throw new InvalidInputException(prefix(line) + "not valid YAML: " + problem(e));
    } catch (IOException e) {
      throw new InvalidInputException(source + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * Reads the YAML file at {@code path} as text; {@code what} names its kind in errors ("study
   * file").
   *
   * @throws InvalidInputException one line when the file is missing, a directory, larger than
   *     {@value #MAX_BYTES} bytes (the YAML library's own limit gives a cryptic message) or not
   *     UTF-8 text
   */
  public static String readFile(Path path, String what) {
    if (Files.isDirectory(path)) {
      throw new InvalidInputException(what + " " + path + " is a directory; give a YAML file");
    }
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException(what + " not found: " + path);
    }
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new InvalidInputException(
            String.format(
                Locale.ROOT,
                "%s %s is too large: %.1f MB, at most %d MB",
                what,
                path,
                size / 1e6,
                MAX_BYTES / 1_000_000));
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot read " + what + " " + path + ": " + OutputChecks.reason(e), e);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      if (text.indexOf('\0') >= 0) {
        throw new CharacterCodingException();
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(what + " " + path + " is not UTF-8 text; give a YAML file");
    }
  }

  /** Returns the document's root, or null when it is empty. */
  public JsonNode root() {
    return root;
  }

  /** Returns the one-line error {@code message} at {@code at}, naming the source and line. */
  public InvalidInputException error(JsonPointer at, String message) {
    return new InvalidInputException(prefix(line(at)) + message);
  }

  /** Returns the one-line error {@code message} about the whole document. */
  public InvalidInputException error(String message) {
    return new InvalidInputException(source + ": " + message);
  }

  /** Returns the line of {@code at}, or of the nearest enclosing node that has one, or -1. */
  public int line(JsonPointer at) {
    for (JsonPointer p = at; p != null; p = p.head()) {
      Integer line = lines.get(p.toString());
      if (line != null && !p.toString().isEmpty()) {
        return line;
      }
    }
    return -1;
  }

  private String prefix(int line) {
    return line > 0 ? source + ", line " + line + ": " : source + ": ";
  }

  /** Returns SnakeYAML's problem without its multi-line excerpt of the text. */
  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      return marked.getProblem().strip();
    }
    return e.getOriginalMessage().lines().findFirst().orElse("").strip();
  }
}
