package dev.mnistlab.analysis;

/**
 * Holds a mean over repeats with its 95% interval (Student's t over the repeats; low and high equal
 * the mean when there is one repeat, NaN when there is none).
 *
 * @param mean the mean
 * @param low the interval's lower end
 * @param high the interval's upper end
 * @param n how many values it summarises
 */
public record Band(double mean, double low, double high, int n) {}
