package dev.mnistlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnistlab.analysis.OptimizationHistory;
import dev.mnistlab.analysis.ParallelCoordinates;
import dev.mnistlab.analysis.ParamImportances;
import dev.mnistlab.analysis.SearchCurves;
import dev.mnistlab.analysis.SearchParam;
import dev.mnistlab.analysis.SearchTrial;
import dev.mnistlab.analysis.SliceData;
import dev.mnistlab.analysis.TrialTimeline;
import java.util.List;

/**
 * Writes a search chart's data as the JSON that {@code search.js} draws, in the HTML report and on
 * the dashboard alike. Every object has {@code kind}, {@code id} and {@code title}; a missing (NaN)
 * number is {@code null}; points are arrays to keep ten thousand trials small:
 *
 * <ul>
 *   <li>{@code history}: {@code complete} and {@code pruned} as {@code [number, value, seconds,
 *       tip]}, {@code best} as {@code [number, best]};
 *   <li>{@code importance}: {@code params} as {@code {name, value, low, high, applied}}, most
 *       important first;
 *   <li>{@code slices}: per parameter {@code {name, kind, log, choices, points: [[x, value,
 *       number]]}};
 *   <li>{@code parallel}: {@code axes} as {@code {name, kind, log, choices}} and {@code rows} as
 *       {@code [number, value of each axis..., objective]};
 *   <li>{@code timeline}: {@code workers} and {@code bars} as {@code [worker index, start, end,
 *       state, number]}, seconds since the first start;
 *   <li>{@code trialCurves}: {@code trials} as {@code {number, state, trainLoss, valLoss,
 *       valAccuracy}}.
 * </ul>
 *
 * <p>The text is safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} only
 * occur in strings, and are written as \\u escapes there. Stateless and thread-safe.
 */
public final class SearchJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SearchJson() {}

  /** Returns the chart's data as one line of JSON. */
  public static String of(Block.SearchChart chart) {
    ObjectNode json;
    if (chart instanceof Block.HistoryChart c) {
      json = history(c);
    } else if (chart instanceof Block.ImportanceChart c) {
      json = importance(c);
    } else if (chart instanceof Block.SliceCharts c) {
      json = slices(c);
    } else if (chart instanceof Block.ParallelChart c) {
      json = parallel(c);
    } else if (chart instanceof Block.TimelineChart c) {
      json = timeline(c);
    } else {
      json = curves((Block.TrialCurvesChart) chart);
    }
    try {
      return MAPPER
          .writeValueAsString(json)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write chart data as JSON", e);
    }
  }

  private static ObjectNode head(String kind, String id, String title) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("kind", kind).put("id", id).put("title", title);
    return json;
  }

  private static ObjectNode history(Block.HistoryChart c) {
    OptimizationHistory h = c.history();
    ObjectNode json = head("history", c.id(), c.title());
    json.put("objective", c.objective()).put("maximize", h.maximize());
    ArrayNode complete = json.putArray("complete");
    ArrayNode pruned = json.putArray("pruned");
    ArrayNode best = json.putArray("best");
    for (OptimizationHistory.Point p : h.points()) {
      ArrayNode point =
          (p.state() == SearchTrial.State.PRUNED ? pruned : complete).addArray().add(p.number());
      number(point, p.value());
      number(point, p.seconds());
      point.add(c.tips().getOrDefault(p.number(), ""));
      if (!Double.isNaN(p.best())) {
        number(best.addArray().add(p.number()), p.best());
      }
    }
    return json;
  }

  private static ObjectNode importance(Block.ImportanceChart c) {
    ParamImportances imp = c.importances();
    ObjectNode json = head("importance", c.id(), c.title());
    json.put("method", imp.method()).put("trials", imp.trials());
    ArrayNode params = json.putArray("params");
    for (ParamImportances.Importance i : imp.importances()) {
      ObjectNode p = params.addObject().put("name", i.param());
      number(p, "value", i.value());
      number(p, "low", i.low());
      number(p, "high", i.high());
      p.put("applied", i.applied());
    }
    return json;
  }

  private static ObjectNode slices(Block.SliceCharts c) {
    ObjectNode json = head("slices", c.id(), c.title());
    json.put("objective", c.objective());
    ArrayNode params = json.putArray("params");
    for (SliceData slice : c.slices()) {
      ObjectNode p = axis(params.addObject(), slice.param());
      ArrayNode points = p.putArray("points");
      for (SliceData.Point point : slice.points()) {
        ArrayNode a = points.addArray();
        number(a, point.x());
        number(a, point.value());
        a.add(point.number());
      }
    }
    return json;
  }

  private static ObjectNode parallel(Block.ParallelChart c) {
    ObjectNode json = head("parallel", c.id(), c.title());
    json.put("objective", c.objective());
    ArrayNode axes = json.putArray("axes");
    c.data().params().forEach(p -> axis(axes.addObject(), p));
    ArrayNode rows = json.putArray("rows");
    for (ParallelCoordinates.Row r : c.data().rows()) {
      ArrayNode row = rows.addArray().add(r.number());
      r.values().forEach(v -> number(row, v));
      number(row, r.value());
    }
    return json;
  }

  private static ObjectNode timeline(Block.TimelineChart c) {
    TrialTimeline t = c.timeline();
    ObjectNode json = head("timeline", c.id(), c.title());
    ArrayNode workers = json.putArray("workers");
    t.workers().forEach(workers::add);
    ArrayNode bars = json.putArray("bars");
    for (TrialTimeline.Bar b : t.bars()) {
      ArrayNode bar = bars.addArray().add(t.workers().indexOf(b.worker()));
      number(bar, b.start());
      number(bar, b.end());
      bar.add(b.state().name().toLowerCase(java.util.Locale.ROOT)).add(b.number());
    }
    return json;
  }

  private static ObjectNode curves(Block.TrialCurvesChart c) {
    ObjectNode json = head("trialCurves", c.id(), c.title());
    ArrayNode trials = json.putArray("trials");
    for (SearchCurves.Curve curve : c.curves().curves()) {
      ObjectNode t = trials.addObject().put("number", curve.number());
      t.put("state", curve.state().name().toLowerCase(java.util.Locale.ROOT));
      series(t.putArray("trainLoss"), curve.trainLoss());
      series(t.putArray("valLoss"), curve.valLoss());
      series(t.putArray("valAccuracy"), curve.valAccuracy());
    }
    return json;
  }

  private static ObjectNode axis(ObjectNode json, SearchParam p) {
    json.put("name", p.name())
        .put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT))
        .put("log", p.log());
    ArrayNode choices = json.putArray("choices");
    p.choices().forEach(choice -> choices.add(String.valueOf(choice)));
    return json;
  }

  private static void series(ArrayNode array, List<Double> values) {
    values.forEach(v -> number(array, v));
  }

  private static void number(ArrayNode array, double value) {
    if (Double.isFinite(value)) {
      array.add(value);
    } else {
      array.addNull();
    }
  }

  private static void number(ObjectNode json, String field, double value) {
    if (Double.isFinite(value)) {
      json.put(field, value);
    } else {
      json.putNull(field);
    }
  }
}
