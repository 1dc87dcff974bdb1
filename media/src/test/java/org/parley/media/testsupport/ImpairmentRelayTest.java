package org.parley.media.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.media.testsupport.ImpairmentRelay.Impairment;

class ImpairmentRelayTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void relaysBothWaysAndCountsLossDuplicatesAndReordering() throws IOException {
        try (DatagramChannel a = DatagramChannel.open().bind(new InetSocketAddress(LO, 0));
                DatagramChannel b = DatagramChannel.open().bind(new InetSocketAddress(LO, 0));
                ImpairmentRelay relay = ImpairmentRelay.start((InetSocketAddress) a.getLocalAddress(),
                        (InetSocketAddress) b.getLocalAddress(), new Impairment(10, 30, 5, 7))) {
            for (int i = 0; i < 200; i++) {
                a.send(ByteBuffer.wrap(new byte[] {(byte) i}), relay.addressForA());
                b.send(ByteBuffer.wrap(new byte[] {(byte) i}), relay.addressForB());
            }
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    relay.towardB().received() == 200 && relay.towardA().received() == 200
                    && relay.towardB().forwarded() == 200 - relay.towardB().dropped() + relay.towardB().duplicated());

            for (ImpairmentRelay.Counters c : new ImpairmentRelay.Counters[] {relay.towardA(), relay.towardB()}) {
                assertThat((double) c.dropped()).as("%s", c).isCloseTo(20, within(12.0));
                assertThat((double) c.duplicated()).as("%s", c).isCloseTo(9, within(8.0));
                assertThat(c.reordered()).as("%s", c).isPositive();
            }
            b.configureBlocking(false);
            int got = 0;
            while (b.receive(ByteBuffer.allocate(16)) != null) {
                got++;
            }
            assertThat((long) got).isEqualTo(relay.towardB().forwarded());
        }
    }
}
