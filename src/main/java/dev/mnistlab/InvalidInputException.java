package dev.mnistlab;

/**
 * Signals input the user can fix: a flag, a file or a model spec that breaks a rule.
 *
 * <p>The message is one line that names what was wrong, the value found and what is allowed, for
 * example {@code learning rate must be > 0, got -0.1}. The command line prints it as it is and
 * exits with code 2, never with a stack trace.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its one-line message. */
  public InvalidInputException(String message) {
    super(message);
  }

  /** Creates the exception with its one-line message and the lower-level cause. */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
