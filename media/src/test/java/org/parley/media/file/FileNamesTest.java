package org.parley.media.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "../../.bashrc | bashrc",
      "/etc/passwd | passwd",
      "a\\..\\b | b",
      "C:\\Users\\me\\report.pdf | report.pdf",
      "CON | _CON",
      "con.txt | _con.txt",
      "Lpt9.tar.gz | _Lpt9.tar.gz",
      "COM10.txt | COM10.txt",
      ".hidden | hidden",
      "... | file",
      "'' | file",
      "'report. . ' | report",
      "report.pdf | report.pdf",
      "Übersicht 2024.xlsx | Übersicht 2024.xlsx"})
  void sanitizeMakesHostileNamesSafe(String offered, String expected) {
    assertThat(FileNames.sanitize(offered)).isEqualTo(expected);
  }

  @Test
  void sanitizeReplacesCharactersWindowsForbids() {
    assertThat(FileNames.sanitize("a<b>c:d\"e|f?g*h.txt")).isEqualTo("a_b_c_d_e_f_g_h.txt");
  }

  @Test
  void sanitizeRemovesNulAndControlCharacters() {
    assertThat(FileNames.sanitize("evil\u0000.txt\u0000.exe")).isEqualTo("evil.txt.exe");
    assertThat(FileNames.sanitize("line\r\nbreak\t.txt")).isEqualTo("linebreak.txt");
  }

  @Test
  void sanitizeRemovesBidiOverridesThatDisguiseExtensions() {
    assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
  }

  @Test
  void sanitizeCutsATenThousandCharacterNameTo255BytesKeepingTheExtension() {
    String name = FileNames.sanitize("x".repeat(10_000) + ".pdf");
    assertThat(name).endsWith(".pdf").hasSize(255);
  }

  @Test
  void sanitizeCutsMultiByteNamesOnCodePointBoundaries() {
    String name = FileNames.sanitize("€".repeat(200) + ".txt");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    assertThat(name).endsWith(".txt").matches("€+\\.txt");
  }

  @Property(tries = 500)
  void sanitizeAlwaysGivesOneSafeNonEmptyName(@ForAll String offered) {
    String name = FileNames.sanitize(offered);
    assertThat(name).isNotEmpty().doesNotContain("/", "\\", "\u0000").doesNotStartWith(".")
        .doesNotEndWith(".").doesNotEndWith(" ");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    assertThat(name.chars()).noneMatch(c -> c < 0x20 || "<>:\"|?*".indexOf(c) >= 0);
    assertThat(Path.of(name).getNameCount()).isEqualTo(1);
  }

  @Test
  void collisionFreeNumbersTheNameWhenTaken(@TempDir Path dir) throws IOException {
    assertThat(FileNames.collisionFree(dir, "report.pdf")).isEqualTo("report.pdf");
    Files.createFile(dir.resolve("report.pdf"));
    assertThat(FileNames.collisionFree(dir, "report.pdf")).isEqualTo("report (1).pdf");
    Files.createFile(dir.resolve("report (1).pdf"));
    assertThat(FileNames.collisionFree(dir, "report.pdf")).isEqualTo("report (2).pdf");
  }

  @Test
  void collisionFreeTreatsADanglingSymlinkAsTaken(@TempDir Path dir) throws IOException {
    Files.createSymbolicLink(dir.resolve("notes"), dir.resolve("nowhere"));
    assertThat(FileNames.collisionFree(dir, "notes")).isEqualTo("notes (1)");
  }

  @Test
  void collisionFreeKeepsLongNamesWithin255Bytes(@TempDir Path dir) throws IOException {
    String name = FileNames.sanitize("y".repeat(400) + ".bin");
    Files.createFile(dir.resolve(name));
    String free = FileNames.collisionFree(dir, name);
    assertThat(free).endsWith(" (1).bin").hasSizeLessThanOrEqualTo(255);
  }
}
