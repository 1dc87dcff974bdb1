package org.parley.app.sdp;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/** Reads the value of an {@code m=} line (RFC 8866 §5.14) into a section without connection or attributes. */
final class MediaLines {
    /** Makes the exception for a problem on the current line. */
    interface Failure {
        SdpException at(String problem);
    }

    private MediaLines() {
    }

    static MediaDescription parse(String value, Failure fail) throws SdpException {
        String[] f = value.split(" ", -1);
        if (f.length < 4) {
            throw fail.at("does not have media, port, protocol and at least one format");
        }
        if (!Tokens.isToken(f[0])) {
            throw fail.at("has an invalid media type");
        }
        String[] port = f[1].split("/", -1);
        long number = Tokens.number(port[0], 0, 65535);
        if (port.length > 2 || number < 0) {
            throw fail.at("has a port that is not a number from 0 to 65535");
        }
        OptionalInt count = OptionalInt.empty();
        if (port.length == 2) {
            long n = Tokens.number(port[1], 1, 65535);
            if (n < 0) {
                throw fail.at("has an invalid number of ports");
            }
            count = OptionalInt.of((int) n);
        }
        if (!MediaDescription.isProtocol(f[2])) {
            throw fail.at("has an invalid protocol");
        }
        List<String> formats = Arrays.asList(f).subList(3, f.length);
        for (String format : formats) {
            if (!Tokens.isToken(format)) {
                throw fail.at("has an invalid format '" + format + "'");
            }
            if (f[2].startsWith("RTP/") && Tokens.number(format, 0, 127) < 0) {
                throw fail.at("has an RTP payload type '" + format + "' that is not a number from 0 to 127");
            }
        }
        return new MediaDescription(f[0], (int) number, count, f[2], formats, java.util.Optional.empty(), List.of(),
                List.of());
    }
}
