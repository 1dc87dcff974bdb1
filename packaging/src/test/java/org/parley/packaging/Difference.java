package org.parley.packaging;

import java.awt.image.BufferedImage;

/**
 * How far two renderings of the same icon are apart, on premultiplied ARGB (so the colour of fully transparent
 * pixels, which no one sees, does not count). Images of different sizes are as far apart as possible.
 */
record Difference(double mean, double farShare) {

    static Difference of(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return new Difference(255, 1);
        }
        long sum = 0;
        long far = 0;
        int pixels = a.getWidth() * a.getHeight();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int[] p = premultiplied(a.getRGB(x, y));
                int[] q = premultiplied(b.getRGB(x, y));
                int worst = 0;
                for (int c = 0; c < 4; c++) {
                    int d = Math.abs(p[c] - q[c]);
                    sum += d;
                    worst = Math.max(worst, d);
                }
                if (worst > IconsTest.FAR) {
                    far++;
                }
            }
        }
        return new Difference(sum / (4.0 * pixels), far / (double) pixels);
    }

    private static int[] premultiplied(int argb) {
        int alpha = argb >>> 24;
        return new int[] {alpha, ((argb >> 16) & 0xff) * alpha / 255, ((argb >> 8) & 0xff) * alpha / 255,
                (argb & 0xff) * alpha / 255};
    }
}
