package org.parley.app.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RFC 5547 attributes of one {@code m=message} section that offers a file: the selector, the transfer's id, the
 * disposition, the modification date and, when resuming, the range still to send. A value.
 *
 * @param selector     name, type, size and hash of the file
 * @param transferId   {@code a=file-transfer-id}: unique per transfer, the same in the answer; a resumed transfer
 *                     has a new id (RFC 5547 §8)
 * @param disposition  {@code a=file-disposition} ({@code attachment} for Parley's transfers; {@code render} exists)
 * @param modified     the {@code modification:} date of {@code a=file-date} as written (RFC 5322), if any
 * @param range        {@code a=file-range}, if any
 */
public record FileDescription(FileSelector selector, String transferId, String disposition, Optional<String> modified,
                              Optional<FileRange> range) {
    /** Longest transfer id accepted (RFC 5547 suggests 32 random characters). */
    static final int MAX_ID = 256;

    public FileDescription {
        if (transferId.isEmpty() || transferId.length() > MAX_ID || !Tokens.isVisible(transferId)
                || !Tokens.isToken(disposition)) {
            throw new IllegalArgumentException("Invalid file transfer attributes");
        }
        modified.ifPresent(m -> {
            if (!Tokens.isText(m) || m.indexOf('"') >= 0 || m.length() > 100) {
                throw new IllegalArgumentException("Invalid file date");
            }
        });
    }

    /**
     * Reads the file attributes of a section; empty when it has no {@code file-selector} or {@code file-transfer-id},
     * or when one of them is malformed (the offer is then answered with port 0 or refused).
     */
    public static Optional<FileDescription> from(MediaDescription section) {
        Optional<FileSelector> selector = section.attribute("file-selector").flatMap(FileSelector::parse);
        Optional<String> id = section.attribute("file-transfer-id")
                .filter(v -> !v.isEmpty() && v.length() <= MAX_ID && Tokens.isVisible(v));
        if (selector.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        String disposition = section.attribute("file-disposition").filter(Tokens::isToken).orElse("render");
        Optional<String> modified = section.attribute("file-date").flatMap(FileDescription::modification);
        Optional<String> rangeText = section.attribute("file-range");
        Optional<FileRange> range = rangeText.flatMap(FileRange::parse);
        if (rangeText.isPresent() && range.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FileDescription(selector.get(), id.get(), disposition, modified, range));
    }

    /** The attribute lines, in RFC 5547's order. */
    public List<Attribute> attributes() {
        List<Attribute> lines = new ArrayList<>(5);
        lines.add(Attribute.of("file-selector", selector.value()));
        lines.add(Attribute.of("file-transfer-id", transferId));
        lines.add(Attribute.of("file-disposition", disposition));
        modified.ifPresent(m -> lines.add(Attribute.of("file-date", "modification:\"" + m + "\"")));
        range.ifPresent(r -> lines.add(Attribute.of("file-range", r.value())));
        return lines;
    }

    private static Optional<String> modification(String fileDate) {
        int at = fileDate.indexOf("modification:\"");
        if (at < 0) {
            return Optional.empty();
        }
        int start = at + "modification:\"".length();
        int end = fileDate.indexOf('"', start);
        if (end < 0 || end - start > 100) {
            return Optional.empty();
        }
        return Optional.of(fileDate.substring(start, end));
    }
}
