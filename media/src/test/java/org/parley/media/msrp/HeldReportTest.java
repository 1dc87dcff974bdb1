package org.parley.media.msrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.file.FileOutcome;
import org.parley.media.file.IncomingFile;

/** A receiver that holds its success REPORT until it has judged the saved file (e.g. a virus scan). */
class HeldReportTest {
  private static final MessageReceiver NOTHING = chunk -> ChunkSink.refuse(MsrpStatus.UNSUPPORTED_MEDIA);

  @TempDir
  Path tmp;

  @Test
  void theSenderHearsDoneOnlyAfterTheReceiversVerdict() throws Exception {
    byte[] data = "scan me".getBytes();
    Path downloads = Files.createDirectory(tmp.resolve("in"));
    CompletableFuture<FileOutcome> saved = new CompletableFuture<>();
    FileReceiver receiver = new FileReceiver(IncomingFile.create(downloads, "a.txt", data.length, sha256(data)),
        saved::complete, true);
    try (Loopback pair = Loopback.tcp(NOTHING, receiver, MsrpConfig.DEFAULT)) {
      FileSender sender = FileSender.start(pair.active, Files.write(tmp.resolve("a.txt"), data), "text/plain", 0,
          SendProgress.NONE);

      assertThat(saved.get(10, TimeUnit.SECONDS)).isInstanceOf(FileOutcome.Saved.class);
      assertThat(sender.outcome()).as("no REPORT yet").isNotDone();
      receiver.verdict(MsrpStatus.OK, "");

      assertThat(sender.outcome().get(10, TimeUnit.SECONDS)).isEqualTo(new SendOutcome.Delivered(data.length));
    }
  }

  @Test
  void aNegativeVerdictReachesTheSenderWithItsComment() throws Exception {
    byte[] data = "EICAR".getBytes();
    Path downloads = Files.createDirectory(tmp.resolve("in"));
    FileReceiver receiver = new FileReceiver(IncomingFile.create(downloads, "e.txt", data.length, sha256(data)),
        outcome -> { }, true);
    receiver.verdict(MsrpStatus.FORBIDDEN, "Flagged by\r\nthe virus scan"); // decided before the message ends
    try (Loopback pair = Loopback.tcp(NOTHING, receiver, MsrpConfig.DEFAULT)) {
      FileSender sender = FileSender.start(pair.active, Files.write(tmp.resolve("e.txt"), data), "text/plain", 0,
          SendProgress.NONE);

      assertThat(sender.outcome().get(10, TimeUnit.SECONDS))
          .isEqualTo(new SendOutcome.Refused(403, "Flagged by  the virus scan"));
    }
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }
}
