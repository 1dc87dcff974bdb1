package org.parley.app.presence;

/**
 * Bounds on a received presence body, checked before and while parsing so that a hostile document costs at most
 * a bounded amount of memory and time.
 *
 * @param maxBytes    largest body accepted; a larger one is refused before the parser sees it
 * @param maxDepth    deepest element nesting ({@code <presence>} is depth 1)
 * @param maxElements most elements in one document
 */
public record PidfLimits(int maxBytes, int maxDepth, int maxElements) {
    /** 64 KiB, depth 32, 4,096 elements: ample for a server's aggregate of many devices. */
    public static final PidfLimits DEFAULT = new PidfLimits(64 * 1024, 32, 4096);

    public PidfLimits {
        if (maxBytes < 1 || maxDepth < 2 || maxElements < 1) {
            throw new IllegalArgumentException("Limits must be positive (depth at least 2).");
        }
    }
}
