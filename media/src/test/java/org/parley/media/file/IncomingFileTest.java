package org.parley.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncomingFileTest {
  @TempDir
  Path dir;

  @Test
  void completeVerifiedFileIsRenamedToItsSanitizedName() throws Exception {
    byte[] data = bytes(100_000, 1);
    IncomingFile file = IncomingFile.create(dir, "../../report.pdf", data.length, sha256(data));
    assertThat(file.write(data, 0, 40_000)).isTrue();
    assertThat(file.write(data, 40_000, 60_000)).isTrue();

    FileOutcome outcome = file.finish();

    assertThat(outcome).isInstanceOf(FileOutcome.Saved.class);
    Path saved = ((FileOutcome.Saved) outcome).path();
    assertThat(saved).isEqualTo(dir.toRealPath().resolve("report.pdf"));
    assertThat(Files.readAllBytes(saved)).isEqualTo(data);
    assertThat(listing()).containsExactly("report.pdf");
  }

  @Test
  void temporaryFileIsOwnerOnlyFromItsCreation() throws Exception {
    IncomingFile file = IncomingFile.create(dir, "a.txt", 3, sha256(new byte[3]));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.partialPath())))
        .isEqualTo("rw-------");
    assertThat(file.partialPath().getParent()).isEqualTo(dir.toRealPath());
    assertThat(file.partialPath().getFileName().toString()).startsWith(".parley-").endsWith(".part");
  }

  @Test
  void emptyFileIsSaved() throws Exception {
    IncomingFile file = IncomingFile.create(dir, "empty", 0, sha256(new byte[0]));
    FileOutcome outcome = file.finish();
    assertThat(outcome).isInstanceOf(FileOutcome.Saved.class);
    assertThat(Files.size(dir.resolve("empty"))).isZero();
  }

  @Test
  void moreBytesThanOfferedFailAtOnceAndDeleteTheTemporaryFile() throws Exception {
    byte[] data = bytes(10, 2);
    IncomingFile file = IncomingFile.create(dir, "a.bin", 8, sha256(data));
    assertThat(file.write(data, 0, 10)).isFalse();
    assertThat(file.outcome()).contains(new FileOutcome.TooLong(8));
    assertThat(file.finish()).isEqualTo(new FileOutcome.TooLong(8));
    assertThat(listing()).isEmpty();
  }

  @Test
  void fewerBytesThanOfferedEndShort() throws Exception {
    byte[] data = bytes(10, 3);
    IncomingFile file = IncomingFile.create(dir, "a.bin", 10, sha256(data));
    file.write(data, 0, 6);
    assertThat(file.finish()).isEqualTo(new FileOutcome.Short(10, 6));
    assertThat(listing()).isEmpty();
  }

  @Test
  void wrongHashIsAMismatchAndNothingIsKept() throws Exception {
    byte[] data = bytes(1000, 4);
    byte[] other = bytes(1000, 5);
    IncomingFile file = IncomingFile.create(dir, "a.bin", 1000, sha256(other));
    file.write(data, 0, 1000);
    FileOutcome outcome = file.finish();
    assertThat(outcome).isInstanceOf(FileOutcome.Mismatch.class);
    assertThat(((FileOutcome.Mismatch) outcome).actualSha256()).isEqualTo(hex(sha256(data)));
    assertThat(listing()).isEmpty();
  }

  @Test
  void cancelDeletesTheTemporaryFile() throws Exception {
    IncomingFile file = IncomingFile.create(dir, "a.bin", 10, sha256(new byte[10]));
    file.write(new byte[4], 0, 4);
    assertThat(file.cancel(false)).isEqualTo(new FileOutcome.Cancelled(false));
    assertThat(file.write(new byte[1], 0, 1)).isFalse();
    assertThat(listing()).isEmpty();
  }

  @Test
  void existingNameGetsANumberAndIsNeverReplaced() throws Exception {
    Files.writeString(dir.resolve("report.pdf"), "old");
    byte[] data = bytes(5, 6);
    IncomingFile file = IncomingFile.create(dir, "report.pdf", 5, sha256(data));
    file.write(data, 0, 5);
    FileOutcome.Saved saved = (FileOutcome.Saved) file.finish();
    assertThat(saved.path().getFileName().toString()).isEqualTo("report (1).pdf");
    assertThat(Files.readString(dir.resolve("report.pdf"))).isEqualTo("old");
  }

  @Test
  void aSymlinkPlantedUnderTheFinalNameIsNotFollowed(@TempDir Path elsewhere) throws Exception {
    Path victim = elsewhere.resolve("victim");
    Files.writeString(victim, "precious");
    Files.createSymbolicLink(dir.resolve("notes.txt"), victim);
    byte[] data = bytes(7, 7);
    IncomingFile file = IncomingFile.create(dir, "notes.txt", 7, sha256(data));
    file.write(data, 0, 7);
    FileOutcome.Saved saved = (FileOutcome.Saved) file.finish();
    assertThat(saved.path().getFileName().toString()).isEqualTo("notes (1).txt");
    assertThat(Files.readString(victim)).isEqualTo("precious");
  }

  @Test
  void interruptedFileResumesFromItsLengthAndVerifiesTheWholeHash() throws Exception {
    byte[] data = bytes(300_000, 8);
    IncomingFile first = IncomingFile.create(dir, "big.bin", data.length, sha256(data));
    first.write(data, 0, 123_457);
    FileOutcome.Interrupted interrupted = (FileOutcome.Interrupted) first.interrupt();
    assertThat(interrupted.received()).isEqualTo(123_457);

    IncomingFile second = IncomingFile.resume(dir, interrupted.partial(), "big.bin", data.length,
        sha256(data));
    assertThat(second.received()).isEqualTo(123_457);
    second.write(data, 123_457, data.length - 123_457);
    FileOutcome.Saved saved = (FileOutcome.Saved) second.finish();
    assertThat(Files.readAllBytes(saved.path())).isEqualTo(data);
    assertThat(listing()).containsExactly("big.bin");
  }

  @Test
  void resumeRefusesAFileThatIsNotAPartialDownload(@TempDir Path elsewhere) throws Exception {
    Path outside = elsewhere.resolve(".parley-x.part");
    Files.writeString(outside, "abc");
    Files.createSymbolicLink(dir.resolve(".parley-link.part"), outside);
    Files.writeString(dir.resolve("ordinary.txt"), "abc");
    assertThatThrownBy(() -> IncomingFile.resume(dir, dir.resolve(".parley-link.part"), "a", 10,
        sha256(new byte[0]))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> IncomingFile.resume(dir, dir.resolve("ordinary.txt"), "a", 10,
        sha256(new byte[0]))).isInstanceOf(IOException.class);
  }

  @Test
  void hostileNamesNeverWriteOutsideTheDirectory(@TempDir Path root) throws Exception {
    Path downloads = Files.createDirectory(root.resolve("downloads"));
    List<String> names = List.of("../../.bashrc", "/etc/passwd", "CON", "con.txt", "x".repeat(10_000),
        "a\u0000b", ".hidden", "a\\..\\b", "..", "../", "\\\\server\\share\\x");
    for (String name : names) {
      byte[] data = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      IncomingFile file = IncomingFile.create(downloads, name, data.length, sha256(data));
      file.write(data, 0, data.length);
      FileOutcome.Saved saved = (FileOutcome.Saved) file.finish();
      assertThat(saved.path().getParent()).isEqualTo(downloads.toRealPath());
    }
    try (Stream<Path> all = Files.list(root)) {
      assertThat(all.map(p -> p.getFileName().toString())).containsExactly("downloads");
    }
    try (Stream<Path> saved = Files.list(downloads)) {
      assertThat(saved).hasSize(names.size()).allSatisfy(p -> assertThat(Files.isRegularFile(p)).isTrue());
    }
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  static byte[] bytes(int n, long seed) {
    byte[] data = new byte[n];
    new Random(seed).nextBytes(data);
    return data;
  }

  static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }
}
