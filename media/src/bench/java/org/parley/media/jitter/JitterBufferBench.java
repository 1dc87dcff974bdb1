package org.parley.media.jitter;

/**
 * Simulated 60 s calls through the jitter buffer: added delay (mean and p95) on a clean network and
 * with 5% loss plus 30 ms jitter, over several seeds. Not a test: a plain main, run against
 * target/classes and target/test-classes (it uses the test's simulated network).
 */
public final class JitterBufferBench {
  private JitterBufferBench() {}

  public static void main(String[] args) {
    scenario("clean network", 0, 0);
    scenario("5% loss", 0.05, 0);
    scenario("30 ms jitter", 0, 30_000_000L);
    scenario("5% loss + 30 ms jitter", 0.05, 30_000_000L);
  }

  private static void scenario(String name, double loss, long jitterNanos) {
    double mean = 0;
    int p95 = 0;
    long late = 0;
    long lost = 0;
    long fec = 0;
    long concealed = 0;
    int seeds = 10;
    for (int seed = 0; seed < seeds; seed++) {
      SimulatedNetwork net = new SimulatedNetwork(1000 + seed);
      net.lossRate = loss;
      net.jitterNanos = jitterNanos;
      net.pollPhase = seed * 2_000_000L; // spread the receiver's phase over the frame
      JitterStatistics s = net.run(new SequenceCodec(), 60);
      mean += s.meanAddedDelayMs() / seeds;
      p95 = Math.max(p95, s.p95AddedDelayMs());
      late += s.late();
      lost += s.lost();
      fec += s.fecRecovered();
      concealed += s.concealed();
    }
    System.out.printf("%-24s mean added delay %5.1f ms, p95 (worst of %d calls) %3d ms;"
            + " per call: lost %5.1f, late %4.1f, FEC %5.1f, concealed %5.1f%n",
        name, mean, seeds, p95, lost / (double) seeds, late / (double) seeds,
        fec / (double) seeds, concealed / (double) seeds);
  }
}
