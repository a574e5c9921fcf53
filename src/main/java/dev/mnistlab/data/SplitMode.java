package dev.mnistlab.data;

/** Chooses which training images are held out for validation. */
public enum SplitMode {
  /** Holds out the last images: the classic 55,000/5,000 split, the same for every seed. */
  LAST,
  /** Holds out a seeded random sample: the same sample for the same seed. */
  RANDOM
}
