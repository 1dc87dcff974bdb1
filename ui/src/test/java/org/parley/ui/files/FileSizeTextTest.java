package org.parley.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.ui.common.I18n;

class FileSizeTextTest {
    private final TransferText english = new TransferText(I18n.load(Locale.ENGLISH));
    private final TransferText german = new TransferText(I18n.load(Locale.GERMAN));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | 0 B | 0 B",
            "999 | 999 B | 999 B",
            "1000 | 1.0 kB | 1,0 kB",
            "1234 | 1.2 kB | 1,2 kB",
            "99949 | 99.9 kB | 99,9 kB",
            "99950 | 100 kB | 100 kB",
            "999499 | 999 kB | 999 kB",
            "999500 | 1.0 MB | 1,0 MB",
            "2500000 | 2.5 MB | 2,5 MB",
            "1073741824 | 1.1 GB | 1,1 GB",
            "5000000000000 | 5.0 TB | 5,0 TB",
            "5000000000000000 | 5000 TB | 5000 TB"})
    void sizesUseDecimalUnitsAndTheLocalesSeparator(long bytes, String inEnglish, String inGerman) {
        assertThat(english.size(bytes)).isEqualTo(inEnglish);
        assertThat(german.size(bytes)).isEqualTo(inGerman);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "512 | 512 B/s | 512 B/s",
            "1250000.4 | 1.3 MB/s | 1,3 MB/s"})
    void speedsArePerSecond(double bytesPerSecond, String inEnglish, String inGerman) {
        assertThat(english.speed(bytesPerSecond)).isEqualTo(inEnglish);
        assertThat(german.speed(bytesPerSecond)).isEqualTo(inGerman);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "done | true | Delivered",
            "done | false | Saved",
            "declined | true | The file was declined.",
            "cancelled | false | Cancelled",
            "refused | false | Not allowed by policy",
            "quarantined | false | The virus scan flagged this file; it was quarantined.",
            "failed | true | Failed"})
    void storedOutcomesHaveShortWords(String code, boolean outgoing, String words) {
        assertThat(english.past(code, outgoing)).isEqualTo(words);
    }
}
