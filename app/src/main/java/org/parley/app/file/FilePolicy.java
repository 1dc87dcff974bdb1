package org.parley.app.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What files may be sent and received: a size limit, blocked extensions and media types, and an optional scan
 * command run on every received file. Set by the administrator (a policy file, {@link #load}); the user cannot
 * loosen it. Checked on both sides: the sender refuses to offer a blocked file, the receiver refuses the offer
 * before any byte arrives (a peer's policy may differ). Immutable.
 *
 * @param maxBytes           largest file, in bytes
 * @param blockedExtensions  lower-case extensions without the dot; matched against every extension of a name
 *                           ({@code a.exe.txt} is blocked when {@code exe} is)
 * @param blockedTypes       lower-case media types without parameters
 * @param scanCommand        the scan hook's argument list with {@code {file}} standing for the finished file's
 *                           path (no shell); empty: no scan
 */
public record FilePolicy(long maxBytes, Set<String> blockedExtensions, Set<String> blockedTypes,
                         List<String> scanCommand) {
    /** Executable and script types Windows and Linux desktops run on a double click. */
    public static final Set<String> EXECUTABLES = Set.of("exe", "com", "scr", "pif", "bat", "cmd", "msi", "msp",
            "vbs", "vbe", "js", "jse", "wsf", "wsh", "ps1", "hta", "cpl", "lnk", "jar", "desktop", "appimage");

    /** 4 GiB, executables blocked, no scan. */
    public static final FilePolicy DEFAULT = new FilePolicy(4L << 30, EXECUTABLES,
            Set.of("application/x-msdownload", "application/x-msdos-program", "application/x-ms-installer"), List.of());

    public FilePolicy {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes < 0");
        }
        blockedExtensions = blockedExtensions.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        blockedTypes = blockedTypes.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        scanCommand = List.copyOf(scanCommand);
        if (!scanCommand.isEmpty() && scanCommand.stream().noneMatch(a -> a.contains("{file}"))) {
            throw new IllegalArgumentException("The scan command must contain {file}.");
        }
    }

    /** Which rule {@code name}/{@code type}/{@code size} breaks, as a short phrase; empty when it is allowed. */
    public Optional<String> check(String name, String type, long size) {
        if (size > maxBytes) {
            return Optional.of("larger than " + maxBytes + " bytes");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String[] parts = lower.split("\\.");
        for (int i = 1; i < parts.length; i++) {
            if (blockedExtensions.contains(parts[i].strip())) {
                return Optional.of("files of type ." + parts[i].strip() + " are blocked");
            }
        }
        int semi = type.indexOf(';');
        String base = (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        if (blockedTypes.contains(base)) {
            return Optional.of("files of type " + base + " are blocked");
        }
        return Optional.empty();
    }

    /**
     * Reads a policy file ({@code java.util.Properties}, UTF-8): {@code file.max-bytes}, {@code
     * file.blocked-extensions} and {@code file.blocked-types} (comma-separated; they replace the defaults),
     * {@code file.scan-command} (arguments separated by spaces, one of them containing {@code {file}}). Keys not
     * given keep {@link #DEFAULT}'s value.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException (one sentence naming the key) when a value is malformed
     */
    public static FilePolicy load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        long max = DEFAULT.maxBytes;
        String maxText = p.getProperty("file.max-bytes");
        if (maxText != null) {
            try {
                max = Long.parseLong(maxText.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("file.max-bytes is not a number: " + maxText.strip());
            }
        }
        Set<String> extensions = list(p, "file.blocked-extensions").orElse(DEFAULT.blockedExtensions);
        Set<String> types = list(p, "file.blocked-types").orElse(DEFAULT.blockedTypes);
        String scan = p.getProperty("file.scan-command", "").strip();
        List<String> command = scan.isEmpty() ? List.of() : Arrays.asList(scan.split("\\s+"));
        return new FilePolicy(max, extensions, types, command);
    }

    private static Optional<Set<String>> list(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(value.split(",")).map(String::strip).map(s -> s.startsWith(".") ? s.substring(1) : s)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    }
}
