package org.parley.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.media.rtp.RtpSession;
import org.parley.media.rtp.RtpSessionConfig;

class DtmfOverRtpTest {
  private static final int TELEPHONE_EVENT = 101;

  @Test
  void digitsSentThroughOneSessionArriveOnceInOrderAtTheOther() throws IOException {
    InetAddress lo = InetAddress.getLoopbackAddress();
    RtpSessionConfig config = RtpSessionConfig.on(lo).withPorts(20000, 59999);
    StringBuilder digits = new StringBuilder();
    DtmfReceiver receiver = new DtmfReceiver(d -> {
      synchronized (digits) {
        digits.append(d);
      }
    });
    try (RtpSession a = RtpSession.open(config, p -> { });
        RtpSession b = RtpSession.open(config, p -> {
          if (p.payloadType() == TELEPHONE_EVENT) {
            receiver.receive(p);
          }
        })) {
      a.setRemote(new InetSocketAddress(lo, b.localRtpPort()), null);
      DtmfSender sender = new DtmfSender(8000, 50, 10);
      DtmfSender.PacketSink sink = (m, ts, buf, off, len) ->
          a.send(TELEPHONE_EVENT, m, ts, buf, off, len);
      long ts = 0;
      for (char d : "2580#".toCharArray()) {
        sender.start(d, 100, ts);
        while (sender.sendNext(sink)) {
          // the caller paces updates; back to back is fine on loopback
        }
        ts += 1600;
      }

      // the very first packet is the new source's probation packet; its later packets carry '2'
      await().atMost(Duration.ofSeconds(5)).until(() -> {
        synchronized (digits) {
          return digits.toString().equals("2580#");
        }
      });
    }
  }
}
