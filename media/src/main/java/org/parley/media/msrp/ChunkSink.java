package org.parley.media.msrp;

/**
 * Where one SEND chunk's body goes ({@link BodySink}), and the verdict once its end-line arrived.
 * Called on the session's reader thread; never throws.
 */
public interface ChunkSink extends BodySink {
  /**
   * The chunk ended with {@code flag}.
   *
   * @return the status of the response: {@link MsrpStatus#OK}, or a failure code such as
   *     {@link MsrpStatus#STOP_SENDING} (stop sending this message) or {@link MsrpStatus#BAD_REQUEST}
   */
  int end(Continuation flag);

  /** A sink that drops the body and answers {@code status}. */
  static ChunkSink refuse(int status) {
    return new ChunkSink() {
      @Override
      public void write(byte[] bytes, int offset, int length) {
      }

      @Override
      public int end(Continuation flag) {
        return status;
      }
    };
  }
}
