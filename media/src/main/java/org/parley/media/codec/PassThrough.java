package org.parley.media.codec;

/** The resampler for equal rates: copies. */
final class PassThrough implements Resampler {

  @Override
  public int process(short[] in, int offset, int length, short[] out, int outOffset) {
    System.arraycopy(in, offset, out, outOffset, length);
    return length;
  }

  @Override
  public int maxOutput(int inputLength) {
    return inputLength;
  }

  @Override
  public int delay() {
    return 0;
  }

  @Override
  public void reset() {}
}
