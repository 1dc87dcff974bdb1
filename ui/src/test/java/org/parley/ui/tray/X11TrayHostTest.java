package org.parley.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ui.tray.X11TrayHost.Answer;

/**
 * Against a real X server (Xvfb, started per test on a display it picks itself): no tray host, a client that takes
 * the tray selection as a tray host does, and cookie authorization.
 */
class X11TrayHostTest {
    @TempDir
    Path dir;

    private Process xvfb;

    @AfterEach
    void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts Xvfb (with {@code -auth file} when given); returns its display number. */
    private String startXvfb(Path authFile) throws IOException {
        ProcessBuilder pb = authFile == null
                ? new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "320x240x24")
                : new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "320x240x24",
                        "-auth", authFile.toString());
        xvfb = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine(); // -displayfd: written once the server accepts connections
        assertThat(number).as("Xvfb's display number").isNotNull().matches("\\d+");
        return number;
    }

    @Test
    void a_display_without_a_tray_host_is_absent() throws IOException {
        String display = startXvfb(null);

        assertThat(X11TrayHost.ask(Map.of("DISPLAY", ":" + display), "host")).isEqualTo(Answer.ABSENT);
        assertThat(X11TrayHost.ask(Map.of("DISPLAY", "unix:" + display + ".0"), "host")).isEqualTo(Answer.ABSENT);
    }

    @Test
    void a_client_owning_the_tray_selection_is_a_tray_host_until_it_leaves() throws IOException {
        String display = startXvfb(null);
        Map<String, String> env = Map.of("DISPLAY", ":" + display);

        try (SocketChannel host = TrayHostClient.claim(socket(display), "_NET_SYSTEM_TRAY_S0")) {
            assertThat(X11TrayHost.ask(env, "host")).isEqualTo(Answer.PRESENT);
            assertThat(X11TrayHost.ask(Map.of("DISPLAY", ":" + display + ".1"), "host"))
                    .as("a tray host of screen 0 is none of screen 1's").isEqualTo(Answer.ABSENT);
        }
        // the server drops the selection of a client that disconnected (once it has noticed)
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(X11TrayHost.ask(env, "host")).isEqualTo(Answer.ABSENT));
    }

    @Test
    void the_cookie_from_the_authority_file_is_used_and_a_wrong_one_is_unknown() throws IOException {
        byte[] cookie = new byte[16];
        new SecureRandom().nextBytes(cookie);
        Path serverAuth = dir.resolve("server.auth");
        Files.write(serverAuth, authorityRecord(65535, "", "", cookie));
        String display = startXvfb(serverAuth);
        Path clientAuth = dir.resolve("client.auth");
        Files.write(clientAuth, concat(authorityRecord(256, "otherhost", display, new byte[16]),
                authorityRecord(256, "thishost", display, cookie)));

        assertThat(X11TrayHost.ask(Map.of("DISPLAY", ":" + display, "XAUTHORITY", clientAuth.toString()), "thishost"))
                .isEqualTo(Answer.ABSENT);
        assertThat(X11TrayHost.ask(Map.of("DISPLAY", ":" + display, "XAUTHORITY", clientAuth.toString()), "otherhost"))
                .as("the server refuses the other host's cookie").isEqualTo(Answer.UNKNOWN);
        assertThat(X11TrayHost.ask(Map.of("DISPLAY", ":" + display, "HOME", dir.toString()), "thishost"))
                .as("no ~/.Xauthority: connecting without a cookie is refused").isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void displays_it_cannot_ask_are_unknown_and_no_display_is_absent() {
        assertThat(X11TrayHost.ask(Map.of(), "host")).isEqualTo(Answer.ABSENT);
        assertThat(X11TrayHost.ask(Map.of("DISPLAY", "localhost:10.0"), "host")).isEqualTo(Answer.UNKNOWN);
        assertThat(X11TrayHost.ask(Map.of("DISPLAY", "/private/tmp/launch-x/org.xquartz:0"), "host"))
                .isEqualTo(Answer.UNKNOWN);
        assertThat(X11TrayHost.ask(Map.of("DISPLAY", ":65000"), "host")).as("no such socket").isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void a_damaged_authority_file_yields_no_cookie_rather_than_a_crash() {
        byte[] good = authorityRecord(256, "h", "3", new byte[] {1, 2, 3});
        assertThat(X11TrayHost.cookie(good, "h", "3")).containsExactly(1, 2, 3);
        assertThat(X11TrayHost.cookie(good, "h", "4")).isNull();
        assertThat(X11TrayHost.cookie(authorityRecord(65535, "", "", new byte[] {9}), "any", "7")).containsExactly(9);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 2);
        assertThat(X11TrayHost.cookie(truncated, "other", "3")).isNull();
    }

    private static Path socket(String display) {
        return Path.of("/tmp/.X11-unix/X" + display);
    }

    /** One X authority record: family, address, display number, "MIT-MAGIC-COOKIE-1", data; all big-endian. */
    private static byte[] authorityRecord(int family, String address, String number, byte[] cookie) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(family >> 8);
        out.write(family);
        for (byte[] field : new byte[][] {address.getBytes(StandardCharsets.US_ASCII),
                number.getBytes(StandardCharsets.US_ASCII),
                "MIT-MAGIC-COOKIE-1".getBytes(StandardCharsets.US_ASCII), cookie}) {
            out.write(field.length >> 8);
            out.write(field.length);
            out.writeBytes(field);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteBuffer all = ByteBuffer.allocate(a.length + b.length);
        return all.put(a).put(b).array();
    }

    /** A minimal X client that takes a selection on the root window, as a tray host takes the tray selection. */
    private static final class TrayHostClient {
        static SocketChannel claim(Path socket, String selection) throws IOException {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
            c.connect(UnixDomainSocketAddress.of(socket));
            X11TrayHost.write(c, ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'l').put((byte) 0)
                    .putShort((short) 11).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0));
            ByteBuffer head = X11TrayHost.read(c, 8);
            assertThat(head.get(0)).as("X connection setup").isEqualTo((byte) 1);
            ByteBuffer setup = X11TrayHost.read(c, (head.getShort(6) & 0xffff) * 4);
            int vendorLength = setup.getShort(16) & 0xffff;
            int formats = setup.get(21) & 0xff;
            int root = setup.getInt(32 + ((vendorLength + 3) & ~3) + 8 * formats);
            byte[] name = selection.getBytes(StandardCharsets.US_ASCII);
            int length = 8 + ((name.length + 3) & ~3);
            X11TrayHost.write(c, ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN).put((byte) 16).put((byte) 0)
                    .putShort((short) (length / 4)).putShort((short) name.length).putShort((short) 0).put(name));
            int atom = X11TrayHost.read(c, 32).getInt(8);
            // SetSelectionOwner(root, atom, CurrentTime), then GetSelectionOwner to know it was done
            X11TrayHost.write(c, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).put((byte) 22).put((byte) 0)
                    .putShort((short) 4).putInt(root).putInt(atom).putInt(0));
            X11TrayHost.write(c, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put((byte) 23).put((byte) 0)
                    .putShort((short) 2).putInt(atom));
            assertThat(X11TrayHost.read(c, 32).getInt(8)).as("selection owner").isEqualTo(root);
            return c;
        }
    }
}
