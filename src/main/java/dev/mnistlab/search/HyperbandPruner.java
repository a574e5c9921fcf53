package dev.mnistlab.search;

import static dev.mnistlab.search.Scores.require;

import dev.mnistlab.storage.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Stops trials by Hyperband (Li et al. 2018, "Hyperband: A Novel Bandit-Based Approach to
 * Hyperparameter Optimization"): several ASHA brackets, from aggressive to cautious, so that a poor
 * guess of how early trials can be told apart costs little.
 *
 * <p>With {@code sMax} the largest s such that {@code minEpochs * eta^s <= maxEpochs}, bracket b (b
 * = 0..sMax) is an {@link AshaPruner} whose first rung is epoch {@code minEpochs * eta^b}: bracket
 * 0 prunes from the first rung, and the last bracket may have no rung at all (plain random search,
 * as in the paper).
 *
 * <p>Each trial belongs to one bracket, a fixed function of its number. Bracket b receives the
 * share of trials the paper gives it, {@code ceil((sMax + 1) * eta^s / (s + 1))} with {@code s =
 * sMax - b}, out of their sum T. The brackets are interleaved by smooth weighted round robin over a
 * cycle of T numbers, so every bracket appears in any T consecutive numbers, exactly its share of
 * times, and early trials are spread over the brackets rather than all landing in bracket 0.
 * (Optuna draws the same shares by hashing the study name and number.) A trial is compared only
 * with the earlier trials of its own bracket. Immutable and thread-safe.
 */
final class HyperbandPruner implements Pruner {
  private final Direction direction;
  private final int eta;
  private final List<AshaPruner> brackets;
  private final int[] shares;
  private final int[] cycle;

  /**
   * Creates the pruner.
   *
   * @param direction whether the objective is better larger or smaller
   * @param minEpochs the first rung of the most aggressive bracket, from 1 to {@code maxEpochs}
   * @param maxEpochs the epochs every trial would train unpruned, at least 1
   * @param eta the reduction factor of every bracket, at least 2
   */
  HyperbandPruner(Direction direction, int minEpochs, int maxEpochs, int eta) {
    this.direction = Objects.requireNonNull(direction, "direction");
    require(maxEpochs >= 1, "epochs must be >= 1, got " + maxEpochs);
    require(
        minEpochs >= 1 && minEpochs <= maxEpochs,
        "hyperband min must be between 1 and the epochs (" + maxEpochs + "), got " + minEpochs);
    require(eta >= 2, "hyperband eta must be >= 2, got " + eta);
    this.eta = eta;
    List<AshaPruner> b = new ArrayList<>();
    for (long first = minEpochs; first <= maxEpochs; first *= eta) {
      b.add(new AshaPruner(direction, (int) first, eta, maxEpochs));
    }
    this.brackets = List.copyOf(b);
    int sMax = brackets.size() - 1;
    this.shares = new int[brackets.size()];
    long power = 1;
    for (int s = 0; s <= sMax; s++) {
      // The most trials go to the bracket that prunes earliest, as each of them costs least.
      shares[sMax - s] = (int) ((sMax + 1) * power + s) / (s + 1);
      power *= eta;
    }
    this.cycle = interleave(shares);
  }

  /** Returns how many brackets there are (sMax + 1). */
  int brackets() {
    return brackets.size();
  }

  /** Returns bracket {@code b}'s pruner. */
  AshaPruner bracket(int b) {
    return brackets.get(b);
  }

  /** Returns bracket {@code b}'s share: how many of every cycle of trial numbers it gets. */
  int share(int b) {
    return shares[b];
  }

  /** Returns the bracket of trial {@code number}. */
  int bracketOf(int number) {
    return cycle[Math.floorMod(number, cycle.length)];
  }

  @Override
  public boolean prune(int number, List<Double> curve, List<Curve> others) {
    int b = bracketOf(number);
    List<Curve> peers = others.stream().filter(c -> bracketOf(c.number()) == b).toList();
    return brackets.get(b).prune(number, curve, peers);
  }

  /**
   * Returns a cycle of bracket indices in which bracket b appears {@code shares[b]} times, spread
   * evenly: each step every bracket gains its share, and the one furthest ahead is taken and set
   * back by the total.
   */
  private static int[] interleave(int[] shares) {
    int total = 0;
    for (int s : shares) {
      total += s;
    }
    int[] out = new int[total];
    long[] credit = new long[shares.length];
    for (int i = 0; i < total; i++) {
      int pick = 0;
      for (int b = 0; b < shares.length; b++) {
        credit[b] += shares[b];
        pick = credit[b] > credit[pick] ? b : pick;
      }
      credit[pick] -= total;
      out[i] = pick;
    }
    return out;
  }

  /** Returns a one-line description with each bracket's rungs and share, for logs. */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder(
            "hyperband ("
                + direction.name().toLowerCase(Locale.ROOT)
                + "; eta "
                + eta
                + ", "
                + brackets.size()
                + " brackets; rungs at epochs ");
    for (int b = 0; b < brackets.size(); b++) {
      List<Integer> rungs = brackets.get(b).rungs();
      text.append(b == 0 ? "" : ", ")
          .append(rungs.isEmpty() ? "none" : rungs.toString())
          .append(String.format(Locale.ROOT, " for %d/%d", shares[b], cycle.length));
    }
    return text.append(" of the trials)").toString();
  }
}
