package org.parley.media.msrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.media.file.FileOutcome;
import org.parley.media.file.IncomingFile;

class MsrpFileTransferTest {
  private static final MessageReceiver NOTHING = chunk -> ChunkSink.refuse(MsrpStatus.UNSUPPORTED_MEDIA);

  @TempDir
  Path tmp;

  record Result(SendOutcome sent, FileOutcome received, List<long[]> progress) {
  }

  @Test
  void smallFileArrivesByteIdenticalWithProgressToTheEnd() throws Exception {
    byte[] data = "Hello Bob, here is the agenda.\r\n-------\r\n".getBytes();
    Result result = transfer(data, data, MsrpConfig.DEFAULT, false);
    assertSaved(result, data);
    assertThat(result.progress()).last().satisfies(p -> assertThat(p).containsExactly(data.length, data.length));
  }

  @Test
  void emptyFileArrives() throws Exception {
    Result result = transfer(new byte[0], new byte[0], MsrpConfig.DEFAULT, false);
    assertSaved(result, new byte[0]);
    assertThat(result.sent()).isEqualTo(new SendOutcome.Delivered(0));
  }

  @Test
  void twentyMegabyteBinaryFileArrivesByteIdentical() throws Exception {
    byte[] data = bytes(20 * 1024 * 1024, 20);
    Result result = transfer(data, data, MsrpConfig.DEFAULT, false);
    assertSaved(result, data);
  }

  @Test
  void twentyMegabyteBinaryFileArrivesByteIdenticalOverTls() throws Exception {
    byte[] data = bytes(20 * 1024 * 1024, 21);
    Result result = transfer(data, data, MsrpConfig.DEFAULT, true);
    assertSaved(result, data);
  }

  @ParameterizedTest(name = "{0} bytes in chunks of 1000")
  @ValueSource(ints = {1, 999, 1000, 1001, 2000, 2001, 7777})
  void sizesAroundChunkBoundariesArriveIntact(int size) throws Exception {
    byte[] data = bytes(size, size);
    Result result = transfer(data, data, MsrpConfig.DEFAULT.withChunkSize(1000), false);
    assertSaved(result, data);
  }

  @Test
  void aWrongHashIsAMismatchAndTheSenderHearsTheRefusal() throws Exception {
    byte[] data = bytes(100_000, 3);
    Result result = transfer(data, bytes(100_000, 4), MsrpConfig.DEFAULT, false);
    assertThat(result.received()).isInstanceOf(FileOutcome.Mismatch.class);
    assertThat(result.sent()).isEqualTo(new SendOutcome.Refused(400, "Bad Request"));
    assertThat(downloads()).isEmpty();
  }

  @Test
  void aSenderThatSendsMoreThanOfferedIsStoppedAtOnce() throws Exception {
    byte[] offered = bytes(100_000, 5);
    byte[] actual = bytes(300_000, 5);
    Result result = transfer(actual, offered, MsrpConfig.DEFAULT.withChunkSize(10_000), false);
    assertThat(result.received()).isInstanceOf(FileOutcome.Failed.class);
    assertThat(((FileOutcome.Failed) result.received()).reason()).contains("announced 300000 bytes but offered 100000");
    assertThat(result.sent()).isInstanceOf(SendOutcome.Refused.class);
    assertThat(((SendOutcome.Refused) result.sent()).status()).isEqualTo(413);
    assertThat(downloads()).isEmpty();
  }

  @Test
  void aSenderThatSendsFewerBytesThanOfferedEndsShort() throws Exception {
    byte[] offered = bytes(100_000, 6);
    byte[] actual = java.util.Arrays.copyOf(offered, 60_000);
    Result result = transferWithOfferedSize(actual, offered, 100_000);
    assertThat(result.received()).isInstanceOf(FileOutcome.Failed.class);
    assertThat(result.sent()).isInstanceOf(SendOutcome.Refused.class);
    assertThat(downloads()).isEmpty();
  }

  @Test
  void cancelBySenderEndsTheMessageAndTheReceiverDeletesThePart() throws Exception {
    byte[] data = bytes(10 * 1024 * 1024, 7);
    CompletableFuture<FileOutcome> received = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(dir(), "big.bin", data.length, sha256(data));
    try (Loopback pair = Loopback.tcp(NOTHING, new FileReceiver(file, received::complete), MsrpConfig.DEFAULT)) {
      FileSender[] sender = new FileSender[1];
      CompletableFuture<Void> started = new CompletableFuture<>();
      sender[0] = FileSender.start(pair.active, write(data), "application/octet-stream", 0,
          (bytes, total) -> started.complete(null));
      started.get(10, TimeUnit.SECONDS);
      sender[0].cancel();
      assertThat(sender[0].outcome().get(10, TimeUnit.SECONDS)).isEqualTo(new SendOutcome.Cancelled());
      assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(new FileOutcome.Cancelled(true));
      assertThat(pair.passive.isClosed()).isFalse();
    }
    assertThat(downloads()).isEmpty();
  }

  @Test
  void cancelByReceiverStopsTheSenderWith413() throws Exception {
    byte[] data = bytes(10 * 1024 * 1024, 8);
    CompletableFuture<FileOutcome> received = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(dir(), "big.bin", data.length, sha256(data));
    FileReceiver receiver = new FileReceiver(file, received::complete);
    try (Loopback pair = Loopback.tcp(NOTHING, receiver, MsrpConfig.DEFAULT)) {
      CompletableFuture<Void> started = new CompletableFuture<>();
      FileSender sender = FileSender.start(pair.active, write(data), "application/octet-stream", 0,
          (bytes, total) -> started.complete(null));
      started.get(10, TimeUnit.SECONDS);
      receiver.cancel();
      SendOutcome sent = sender.outcome().get(10, TimeUnit.SECONDS);
      assertThat(sent).isInstanceOf(SendOutcome.Refused.class);
      assertThat(((SendOutcome.Refused) sent).status()).isEqualTo(413);
      assertThat(received.get()).isEqualTo(new FileOutcome.Cancelled(false));
    }
    assertThat(downloads()).isEmpty();
  }

  @Test
  void aBrokenConnectionKeepsThePartAndTheTransferResumesFromTheReceivedCount() throws Exception {
    byte[] data = bytes(6 * 1024 * 1024, 9);
    Path source = write(data);
    CompletableFuture<FileOutcome> first = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(dir(), "resume.bin", data.length, sha256(data));
    try (Loopback pair = Loopback.tcp(NOTHING, new FileReceiver(file, first::complete), MsrpConfig.DEFAULT)) {
      FileSender.start(pair.active, source, "application/octet-stream", 0, (bytes, total) -> {
        if (bytes >= total / 3) {
          pair.active.close();
        }
      });
      FileOutcome outcome = first.get(10, TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOf(FileOutcome.Interrupted.class);
    }
    FileOutcome.Interrupted interrupted = (FileOutcome.Interrupted) first.get();
    assertThat(interrupted.received()).isBetween(1L, (long) data.length - 1);

    CompletableFuture<FileOutcome> second = new CompletableFuture<>();
    IncomingFile resumed = IncomingFile.resume(dir(), interrupted.partial(), "resume.bin", data.length, sha256(data));
    try (Loopback pair = Loopback.tcp(NOTHING, new FileReceiver(resumed, second::complete), MsrpConfig.DEFAULT)) {
      FileSender sender = FileSender.start(pair.active, source, "application/octet-stream", resumed.received(),
          SendProgress.NONE);
      assertThat(sender.outcome().get(20, TimeUnit.SECONDS))
          .isEqualTo(new SendOutcome.Delivered(data.length - interrupted.received()));
      FileOutcome outcome = second.get(10, TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOf(FileOutcome.Saved.class);
      assertThat(Files.readAllBytes(((FileOutcome.Saved) outcome).path())).isEqualTo(data);
    }
  }

  @Test
  void thePassiveSideCanSendTheFileToo() throws Exception {
    byte[] data = bytes(300_000, 10);
    CompletableFuture<FileOutcome> received = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(dir(), "back.bin", data.length, sha256(data));
    try (Loopback pair = Loopback.tcp(new FileReceiver(file, received::complete), NOTHING, MsrpConfig.DEFAULT)) {
      FileSender sender = FileSender.start(pair.passive, write(data), "application/octet-stream", 0, SendProgress.NONE);
      assertThat(sender.outcome().get(20, TimeUnit.SECONDS)).isEqualTo(new SendOutcome.Delivered(data.length));
      assertThat(Files.readAllBytes(((FileOutcome.Saved) received.get(10, TimeUnit.SECONDS)).path())).isEqualTo(data);
    }
  }

  private Result transfer(byte[] sent, byte[] offered, MsrpConfig config, boolean tls) throws Exception {
    CompletableFuture<FileOutcome> received = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(dir(), "file.bin", offered.length, sha256(offered));
    List<long[]> progress = new CopyOnWriteArrayList<>();
    MessageReceiver receiver = new FileReceiver(file, received::complete);
    try (Loopback pair = tls ? Loopback.tls(TestTls.create(tmp), NOTHING, receiver, config)
        : Loopback.tcp(NOTHING, receiver, config)) {
      FileSender sender = FileSender.start(pair.active, write(sent), "application/octet-stream", 0,
          (bytes, total) -> progress.add(new long[] {bytes, total}));
      SendOutcome outcome = sender.outcome().get(60, TimeUnit.SECONDS);
      return new Result(outcome, received.get(10, TimeUnit.SECONDS), progress);
    }
  }

  private Result transferWithOfferedSize(byte[] sent, byte[] offered, long offeredSize) throws Exception {
    CompletableFuture<FileOutcome> received = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(dir(), "file.bin", offeredSize, sha256(offered));
    try (Loopback pair = Loopback.tcp(NOTHING, new FileReceiver(file, received::complete), MsrpConfig.DEFAULT)) {
      FileSender sender = FileSender.start(pair.active, write(sent), "application/octet-stream", 0, SendProgress.NONE);
      return new Result(sender.outcome().get(20, TimeUnit.SECONDS), received.get(10, TimeUnit.SECONDS), List.of());
    }
  }

  private void assertSaved(Result result, byte[] data) throws Exception {
    assertThat(result.sent()).isEqualTo(new SendOutcome.Delivered(data.length));
    assertThat(result.received()).isInstanceOf(FileOutcome.Saved.class);
    FileOutcome.Saved saved = (FileOutcome.Saved) result.received();
    assertThat(Files.readAllBytes(saved.path())).isEqualTo(data);
    assertThat(saved.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(data)));
  }

  private Path dir() throws Exception {
    return Files.createDirectories(tmp.resolve("downloads"));
  }

  private List<Path> downloads() throws Exception {
    await().atMost(Duration.ofSeconds(5)).until(() -> {
      try (Stream<Path> files = Files.list(dir())) {
        return files.noneMatch(p -> p.getFileName().toString().endsWith(".part"));
      }
    });
    try (Stream<Path> files = Files.list(dir())) {
      return files.toList();
    }
  }

  private Path write(byte[] data) throws Exception {
    Path source = Files.createTempFile(tmp, "source", ".bin");
    Files.write(source, data);
    return source;
  }

  static byte[] bytes(int n, long seed) {
    byte[] data = new byte[n];
    new Random(seed).nextBytes(data);
    return data;
  }

  static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }
}
