package org.parley.ui.tray;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the X display has a system tray host: an owner of the selection {@code _NET_SYSTEM_TRAY_S<screen>}
 * (freedesktop System Tray Protocol), the same test AWT's {@code SystemTray.isSupported()} makes on X11. Asked
 * over the X protocol itself (a local socket, connection setup, InternAtom, GetSelectionOwner) so that a desktop
 * without a tray — GNOME without an extension, plain Xvfb — costs Parley no AWT toolkit (~230 classes, ~7 MB).
 *
 * <p>Contract: {@link Answer#ABSENT} only when the display certainly has no tray host (or there is no display);
 * anything it cannot decide — a TCP or non-X11 display, a missing socket, a refused connection, a protocol error —
 * is {@link Answer#UNKNOWN}, and the caller asks AWT as before. Blocking: one round trip to the local X server,
 * which the JavaFX toolkit depends on already; any thread. No library on Maven Central does this without native
 * code, hence this class.
 */
public final class X11TrayHost {
    /** What the display says. */
    public enum Answer { PRESENT, ABSENT, UNKNOWN }

    private static final Pattern LOCAL_DISPLAY = Pattern.compile("(?:unix)?:(\\d+)(?:\\.(\\d+))?");
    private static final String COOKIE = "MIT-MAGIC-COOKIE-1";
    private static final int FAMILY_LOCAL = 256;
    private static final int FAMILY_WILD = 65535;
    private static final int OP_INTERN_ATOM = 16;
    private static final int OP_GET_SELECTION_OWNER = 23;

    private X11TrayHost() {
    }

    /** Asks this process's display; {@link Answer#UNKNOWN} on systems other than Linux. */
    public static Answer ask() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return Answer.UNKNOWN;
        }
        String host;
        try {
            host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim(); // what xauth writes for local
        } catch (IOException e) {
            host = "";
        }
        return ask(System.getenv(), host);
    }

    /** Asks the display named by {@code env}'s DISPLAY, authenticating with XAUTHORITY (or ~/.Xauthority). */
    public static Answer ask(Map<String, String> env, String hostName) {
        String display = env.get("DISPLAY");
        if (display == null || display.isBlank()) {
            return Answer.ABSENT; // AWT is headless then: no tray either
        }
        Matcher m = LOCAL_DISPLAY.matcher(display.trim());
        if (!m.matches()) {
            return Answer.UNKNOWN;
        }
        String number = m.group(1);
        int screen = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        Path socket = Path.of("/tmp/.X11-unix/X" + number);
        Path authority = env.get("XAUTHORITY") != null ? Path.of(env.get("XAUTHORITY"))
                : env.get("HOME") != null ? Path.of(env.get("HOME"), ".Xauthority") : null;
        try {
            byte[] cookie = authority != null && Files.isReadable(authority)
                    ? cookie(Files.readAllBytes(authority), hostName, number) : null;
            return ask(socket, cookie, screen);
        } catch (IOException | RuntimeException e) {
            return Answer.UNKNOWN;
        }
    }

    /** Asks the X server listening on {@code socket}; {@code cookie} null connects without authorization. */
    static Answer ask(Path socket, byte[] cookie, int screen) throws IOException {
        if (!Files.exists(socket)) {
            return Answer.UNKNOWN;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            if (!setUp(channel, cookie)) {
                return Answer.UNKNOWN;
            }
            byte[] name = ("_NET_SYSTEM_TRAY_S" + screen).getBytes(StandardCharsets.US_ASCII);
            ByteBuffer intern = request(OP_INTERN_ATOM, 1, 8 + pad(name.length));
            intern.putShort((short) name.length).putShort((short) 0).put(name);
            ByteBuffer reply = roundTrip(channel, intern);
            if (reply == null) {
                return Answer.UNKNOWN;
            }
            int atom = reply.getInt(8);
            if (atom == 0) {
                return Answer.ABSENT; // nobody ever named the selection, so nobody owns it
            }
            ByteBuffer owner = roundTrip(channel, request(OP_GET_SELECTION_OWNER, 0, 8).putInt(atom));
            if (owner == null) {
                return Answer.UNKNOWN;
            }
            return owner.getInt(8) != 0 ? Answer.PRESENT : Answer.ABSENT;
        }
    }

    /** Connection setup; true when the server accepted us. */
    private static boolean setUp(SocketChannel channel, byte[] cookie) throws IOException {
        byte[] authName = cookie == null ? new byte[0] : COOKIE.getBytes(StandardCharsets.US_ASCII);
        byte[] authData = cookie == null ? new byte[0] : cookie;
        ByteBuffer setup = ByteBuffer.allocate(12 + pad(authName.length) + pad(authData.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        setup.put((byte) 'l').put((byte) 0).putShort((short) 11).putShort((short) 0)
                .putShort((short) authName.length).putShort((short) authData.length).putShort((short) 0)
                .put(authName).position(12 + pad(authName.length)).put(authData);
        write(channel, setup);
        ByteBuffer head = read(channel, 8);
        int status = head.get(0);
        read(channel, (head.getShort(6) & 0xffff) * 4); // the reason, or the server's description: not needed
        return status == 1;
    }

    private static ByteBuffer request(int opcode, int data, int length) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        return b.put((byte) opcode).put((byte) data).putShort((short) (length / 4));
    }

    /** Sends a request and reads its 32-byte reply; null for an X error. */
    private static ByteBuffer roundTrip(SocketChannel channel, ByteBuffer request) throws IOException {
        write(channel, request);
        ByteBuffer reply = read(channel, 32);
        return reply.get(0) == 1 ? reply : null;
    }

    /** Writes all of {@code b} (filled to its capacity). */
    static void write(SocketChannel channel, ByteBuffer b) throws IOException {
        b.position(b.capacity()).flip();
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Reads exactly {@code length} bytes, little-endian. */
    static ByteBuffer read(SocketChannel channel, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                throw new IOException("X server closed the connection");
            }
        }
        return b.flip();
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    /**
     * The MIT-MAGIC-COOKIE-1 of an X authority file (big-endian records: family, address, display number, name,
     * data) for local display {@code number} on {@code hostName}, or null when it has none or is damaged.
     */
    static byte[] cookie(byte[] file, String hostName, String number) {
        ByteBuffer b = ByteBuffer.wrap(file);
        try {
            return find(b, hostName, number);
        } catch (java.nio.BufferUnderflowException e) {
            return null; // a damaged file: connect without a cookie, and the server decides
        }
    }

    private static byte[] find(ByteBuffer b, String hostName, String number) {
        while (b.remaining() >= 2) {
            int family = b.getShort() & 0xffff;
            String address = new String(field(b), StandardCharsets.ISO_8859_1);
            String display = new String(field(b), StandardCharsets.ISO_8859_1);
            String name = new String(field(b), StandardCharsets.ISO_8859_1);
            byte[] data = field(b);
            boolean host = family == FAMILY_WILD || family == FAMILY_LOCAL && address.equals(hostName);
            if (host && (display.isEmpty() || display.equals(number)) && name.equals(COOKIE)) {
                return data;
            }
        }
        return null;
    }

    private static byte[] field(ByteBuffer b) {
        byte[] field = new byte[b.getShort() & 0xffff];
        b.get(field);
        return field;
    }
}
