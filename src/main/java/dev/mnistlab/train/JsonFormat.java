package dev.mnistlab.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Holds the one JSON mapper results are written and read with: snake_case keys (the stable result
 * format), the names users type for optimizers and schedules, and {@code null} where a number is
 * NaN or infinite (a run without a validation split), since JSON has no NaN; reading maps {@code
 * null} back to NaN.
 */
public final class JsonFormat {
  /** The mapper; thread-safe once built. */
  public static final ObjectMapper MAPPER = create();

  private JsonFormat() {}

  private static ObjectMapper create() {
    SimpleModule module = new SimpleModule("mnist-lab");
    module.addSerializer(Double.class, new FiniteOrNull());
    module.addSerializer(double.class, new FiniteOrNull());
    module.addSerializer(Path.class, new Named<>(Path::toString));
    module.addSerializer(OptimizerKind.class, new Named<>(OptimizerKind::cliName));
    module.addSerializer(ScheduleKind.class, new Named<>(ScheduleKind::cliName));
    module.addDeserializer(double.class, new NullAsNan());
    module.addDeserializer(OptimizerKind.class, new Parsed<>(OptimizerKind::parse));
    module.addDeserializer(ScheduleKind.class, new Parsed<>(ScheduleKind::parse));
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .registerModule(module)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static final class FiniteOrNull extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value == null || !Double.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }

  private static final class NullAsNan extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return p.getValueAsDouble(Double.NaN);
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
      return Double.NaN;
    }
  }

  /**
   * Reads a setting added after results were first stored: a key that is absent (or null) reads as
   * 0, which such settings use for off.
   */
  static final class NullAsZero extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return p.getValueAsDouble(0);
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
      return 0.0;
    }
  }

  private static final class Named<T> extends JsonSerializer<T> {
    private final Function<T, String> name;

    Named(Function<T, String> name) {
      this.name = name;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(name.apply(value));
    }
  }

  private static final class Parsed<T> extends JsonDeserializer<T> {
    private final Function<String, T> parse;

    Parsed(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return parse.apply(p.getValueAsString());
    }
  }
}
