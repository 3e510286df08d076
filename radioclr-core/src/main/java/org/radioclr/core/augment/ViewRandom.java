package org.radioclr.core.augment;

import java.util.SplittableRandom;

/**
 * Derives the random stream of one augmented view from a run seed, the epoch, the image's index and
 * the view's number (0 and 1 for SimCLR's pair), by SplitMix64 mixing. Each view gets its own
 * stream, independent of which worker thread makes it and in which order, so training runs repeat
 * exactly; the two views of an image get different streams.
 */
public final class ViewRandom {
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private ViewRandom() {}

  /** The stream for view {@code view} of image {@code image} in epoch {@code epoch}. */
  public static SplittableRandom of(long seed, long epoch, long image, int view) {
    long s = mix(seed);
    s = mix(s + GOLDEN * (epoch + 1));
    s = mix(s + GOLDEN * (image + 1));
    s = mix(s + GOLDEN * (view + 1L));
    return new SplittableRandom(s);
  }

  /** SplitMix64's finaliser (Stafford's variant 13). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
