package dev.mnistlab;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package rule of docs/architecture.md on the compiled main classes: which package may
 * use which, and no cycles. A change that breaks it fails here, naming the class and the
 * dependency, so the rule and the code cannot drift apart.
 */
class ArchitectureTest {
  /**
   * Each package and the packages it may use (besides the root package, which holds the one
   * exception type every package throws). Keep in step with docs/architecture.md.
   */
  static final Map<String, List<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("output", List.of()),
          Map.entry("model", List.of()),
          Map.entry("data", List.of("output")),
          Map.entry("train", List.of("data", "model")),
          Map.entry("storage", List.of("train")),
          Map.entry("analysis", List.of("model", "train")),
          Map.entry("report", List.of("analysis", "output")),
          Map.entry("search", List.of("model", "output", "storage", "train")),
          Map.entry("worker", List.of("storage", "train")),
          Map.entry("study", List.of("analysis", "model", "report", "search", "storage", "train")),
          Map.entry("sweep", List.of("analysis", "model", "report", "storage", "study", "train")),
          Map.entry("tune", List.of("analysis", "report", "search", "storage", "train", "worker")),
          Map.entry(
              "cli",
              List.of(
                  "analysis",
                  "data",
                  "model",
                  "output",
                  "report",
                  "search",
                  "storage",
                  "study",
                  "sweep",
                  "train",
                  "tune",
                  "worker")));

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mnistlab");
  }

  @Test
  void eachPackageUsesOnlyThePackagesTheRuleAllows() {
    LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String name : MAY_USE.keySet()) {
      rule = rule.layer(name).definedBy("dev.mnistlab." + name + "..");
    }
    for (Map.Entry<String, List<String>> e : MAY_USE.entrySet()) {
      rule =
          e.getValue().isEmpty()
              ? rule.whereLayer(e.getKey()).mayNotAccessAnyLayer()
              : rule.whereLayer(e.getKey())
                  .mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
    }
    rule.check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.mnistlab.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyPackageIsNamedInTheRule() {
    List<String> unnamed =
        classes.stream()
            .map(c -> c.getPackageName())
            .filter(p -> p.startsWith("dev.mnistlab."))
            .map(p -> p.substring("dev.mnistlab.".length()).split("\\.")[0])
            .distinct()
            .filter(p -> !MAY_USE.containsKey(p))
            .toList();
    org.assertj.core.api.Assertions.assertThat(unnamed)
        .as("packages missing from the rule (add them to MAY_USE and docs/architecture.md)")
        .isEmpty();
  }
}
