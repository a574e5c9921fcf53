package dev.mnistlab.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Reports a spec that trains but is very likely not what was meant.
 *
 * <p>Warnings never stop a run; the command line shows them and lets training go on.
 *
 * @param code what kind of problem, stable across releases so tools can filter on it
 * @param message one line saying what is wrong and where
 * @param reason one line saying why it matters and what to do instead
 */
public record LintWarning(Code code, String message, String reason) {

  /** Checks that no field is null or blank. */
  public LintWarning {
    Objects.requireNonNull(code, "code");
    if (message == null || message.isBlank() || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a lint warning needs a message and a reason");
    }
  }

  /** Names the kinds of lint warning. */
  public enum Code {
    /** Marks a last layer that bounds the logits, so the loss has a floor above zero. */
    LOSS_FLOOR,
    /** Marks two linear or conv layers with no non-linearity between them. */
    COLLAPSING_LAYERS,
    /** Marks dropout as the last layer, where it drops class scores. */
    DROPOUT_LAST;

    /** Returns the kebab-case id used in output and storage, for example {@code loss-floor}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
