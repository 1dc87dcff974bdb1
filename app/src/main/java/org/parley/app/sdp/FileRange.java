package org.parley.app.sdp;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * An RFC 5547 {@code a=file-range} value: the 1-based, inclusive octet range of the file the offer is about;
 * {@code *} for an unknown end. Resuming a transfer offers the range that is still missing (RFC 5547 §8).
 *
 * @param start first octet, 1-based
 * @param stop  last octet, inclusive; empty for {@code *}
 */
public record FileRange(long start, OptionalLong stop) {
    public FileRange {
        if (start < 1 || (stop.isPresent() && stop.getAsLong() < start - 1)) {
            throw new IllegalArgumentException("Invalid file range");
        }
    }

    /** The range from the 0-based {@code offset} to the end of a file of {@code size} octets. */
    public static FileRange from(long offset, long size) {
        return new FileRange(offset + 1, OptionalLong.of(size));
    }

    /** Reads {@code start-stop} or {@code start-*}; empty when malformed. */
    public static Optional<FileRange> parse(String value) {
        int dash = value.indexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        long start = Tokens.number(value.substring(0, dash), 1, Long.MAX_VALUE);
        String end = value.substring(dash + 1);
        if (start < 1) {
            return Optional.empty();
        }
        if (end.equals("*")) {
            return Optional.of(new FileRange(start, OptionalLong.empty()));
        }
        long stop = Tokens.number(end, 0, Long.MAX_VALUE);
        return stop < start - 1 || stop < 0 ? Optional.empty() : Optional.of(new FileRange(start, OptionalLong.of(stop)));
    }

    /** The 0-based offset of the first octet. */
    public long offset() {
        return start - 1;
    }

    public String value() {
        return start + "-" + (stop.isPresent() ? Long.toString(stop.getAsLong()) : "*");
    }
}
