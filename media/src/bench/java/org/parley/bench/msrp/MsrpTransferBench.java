package org.parley.bench.msrp;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import org.parley.media.file.FileOutcome;
import org.parley.media.file.IncomingFile;
import org.parley.media.msrp.ChunkSink;
import org.parley.media.msrp.FileReceiver;
import org.parley.media.msrp.FileSender;
import org.parley.media.msrp.MsrpConfig;
import org.parley.media.msrp.MsrpListener;
import org.parley.media.msrp.MsrpSession;
import org.parley.media.msrp.MsrpStatus;
import org.parley.media.msrp.MsrpUri;
import org.parley.media.msrp.SendOutcome;
import org.parley.media.msrp.SendProgress;

/**
 * Benchmark, not a test: sends one file (default 1 GiB, {@code -Dbench.mib=N}) between two MSRP
 * sessions over loopback TCP, into an {@link IncomingFile} that hashes and verifies it, and
 * compares with a plain socket copy of the same file to disk in the same run. Prints throughput,
 * process CPU time and heap used after GC before and after the transfer.
 */
public final class MsrpTransferBench {
  private static final MsrpConfig CONFIG = new MsrpConfig(Integer.getInteger("bench.chunkKiB", 64) * 1024,
      Integer.getInteger("bench.window", MsrpConfig.DEFAULT.window()), MsrpConfig.DEFAULT.idleTimeout(),
      MsrpConfig.DEFAULT.responseTimeout(), MsrpConfig.DEFAULT.limits());

  private MsrpTransferBench() {
  }

  public static void main(String[] args) throws Exception {
    long mib = Long.getLong("bench.mib", 1024);
    Path dir = Files.createTempDirectory("msrp-bench");
    Path source = dir.resolve("source.bin");
    byte[] sha = writeSource(source, mib);
    long size = Files.size(source);

    long heapBefore = heapAfterGc();
    double plain = plainCopy(source, dir.resolve("plain.bin"), false);
    Files.delete(dir.resolve("plain.bin"));
    double plainSynced = plainCopy(source, dir.resolve("plain.bin"), true);
    Files.delete(dir.resolve("plain.bin"));

    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    FileOutcome received = msrpCopy(source, size, sha, Files.createDirectory(dir.resolve("downloads")));
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    long heapAfter = heapAfterGc();

    double msrp = size / 1e6 / seconds;
    System.out.printf("file %d MiB, chunks of %d KiB, window %d%n", mib, CONFIG.chunkSize() / 1024, CONFIG.window());
    System.out.printf("plain socket copy  %.0f MB/s; with fsync at the end (as IncomingFile does) %.0f MB/s%n",
        plain, plainSynced);
    System.out.printf("MSRP + SHA-256     %.0f MB/s (%.2fx plain, %.2fx plain+fsync), %.1f s, CPU %.1f s (%.0f%% of one core)%n",
        msrp, msrp / plain, msrp / plainSynced, seconds, cpu, 100 * cpu / seconds);
    System.out.printf("heap after GC      before %.1f MB, after %.1f MB, growth %.1f MB%n",
        heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6);
    System.out.printf("outcome            %s%n", received.getClass().getSimpleName());
    deleteAll(dir);
  }

  private static FileOutcome msrpCopy(Path source, long size, byte[] sha, Path downloads) throws Exception {
    CompletableFuture<FileOutcome> outcome = new CompletableFuture<>();
    IncomingFile file = IncomingFile.create(downloads, "received.bin", size, sha);
    try (MsrpListener listener = MsrpListener.open(InetAddress.getLoopbackAddress(),
        ServerSocketFactory.getDefault(), CONFIG)) {
      MsrpUri passiveUri = listener.newLocalUri("127.0.0.1");
      MsrpUri activeUri = MsrpUri.local(false, "127.0.0.1", 2855);
      CompletableFuture<MsrpSession> passive = listener.expect(passiveUri, activeUri,
          new FileReceiver(file, outcome::complete));
      try (MsrpSession active = MsrpSession.connect(activeUri, passiveUri, SocketFactory.getDefault(),
          chunk -> ChunkSink.refuse(MsrpStatus.UNSUPPORTED_MEDIA), CONFIG);
          MsrpSession unused = passive.get(10, TimeUnit.SECONDS)) {
        SendOutcome sent = FileSender.start(active, source, "application/octet-stream", 0, SendProgress.NONE)
            .outcome().get(30, TimeUnit.MINUTES);
        if (!(sent instanceof SendOutcome.Delivered)) {
          throw new IllegalStateException("not delivered: " + sent);
        }
      }
    }
    return outcome.get(1, TimeUnit.MINUTES);
  }

  /** Returns MB/s of a plain socket copy from the file to a file, optionally forced to disk. */
  private static double plainCopy(Path source, Path target, boolean sync) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> receiving = CompletableFuture.runAsync(() -> {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
            java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(target,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          in.transferTo(java.nio.channels.Channels.newOutputStream(file));
          if (sync) {
            file.force(true);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long t0 = System.nanoTime();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          OutputStream out = socket.getOutputStream(); InputStream in = Files.newInputStream(source)) {
        in.transferTo(out);
      }
      receiving.get();
      return Files.size(source) / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }
  }

  private static byte[] writeSource(Path source, long mib) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[1024 * 1024];
    Random random = new Random(42);
    try (OutputStream out = Files.newOutputStream(source, StandardOpenOption.CREATE_NEW)) {
      for (long i = 0; i < mib; i++) {
        random.nextBytes(block);
        out.write(block);
        digest.update(block);
      }
    }
    return digest.digest();
  }

  private static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void deleteAll(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
