package org.parley.app.testsupport.baresip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Writes the configuration directory ({@code baresip -f DIR}) of one peer: {@code config} from the template
 * {@code baresip/config.template}, {@code accounts} with one account and an empty {@code contacts}; received and
 * sent audio go to {@code DIR/rec}.
 */
final class BaresipConfig {

    private static final String TEMPLATE = "/baresip/config.template";

    private BaresipConfig() {
    }

    /**
     * @param source the microphone: a 16-bit mono WAV at 8 or 48 kHz (baresip's {@code aufile} refuses any
     *               other format than the one configured, which is taken from this file)
     * @return the directory where baresip's {@code sndfile} module writes its dumps
     */
    static Path write(Path dir, BaresipAccount account, BaresipCodec codec, Path source, BaresipPorts ports)
            throws IOException {
        Path recordings = Files.createDirectories(dir.resolve("rec"));
        Map<String, String> values = Map.of(
                "SIP_PORT", Integer.toString(ports.sip()),
                "SOURCE_WAV", source.toAbsolutePath().toString(),
                "SOURCE_RATE", Integer.toString(monoRate(source)),
                "RTP_PORTS", ports.rtpFirst() + "-" + ports.rtpLast(),
                "RECORD_DIR", recordings.toString());
        String config = template();
        for (Map.Entry<String, String> value : values.entrySet()) {
            config = config.replace("${" + value.getKey() + "}", value.getValue());
        }
        Files.writeString(dir.resolve("config"), config);
        Files.writeString(dir.resolve("accounts"), account.accountsLine(codec) + "\n");
        Files.writeString(dir.resolve("contacts"), "");
        return recordings;
    }

    private static String template() throws IOException {
        try (InputStream in = BaresipConfig.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("test resource " + TEMPLATE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int monoRate(Path wav) throws IOException {
        try {
            AudioFormat format = AudioSystem.getAudioFileFormat(wav.toFile()).getFormat();
            int rate = Math.round(format.getSampleRate());
            if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16
                    || !(rate == 8_000 || rate == 48_000)) {
                throw new IOException(wav + " must be 16-bit mono at 8 or 48 kHz for baresip's aufile: " + format);
            }
            return rate;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + " is not a WAV file", e);
        }
    }
}
