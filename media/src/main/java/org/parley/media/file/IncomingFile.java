package org.parley.media.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file being received into a download directory. Bytes go to a temporary file that only the
 * owner may read ({@code rw-------}, created atomically with {@code CREATE_NEW}), SHA-256 is computed
 * as they are written, the offered size is enforced on every write, and the file gets its final,
 * sanitised, collision-free name only once it is complete and its hash matches. Any failure deletes
 * the temporary file and is reported as a {@link FileOutcome}; nothing is ever written outside the
 * directory and no link is followed.
 *
 * <p>Threading: {@link #write} and {@link #finish} come from one thread (the MSRP reader);
 * {@link #cancel} and {@link #interrupt} may come from any thread. Methods are synchronized: the
 * lock is held for one write at most, never across network I/O.
 */
public final class IncomingFile {
  private static final Logger LOG = LoggerFactory.getLogger(IncomingFile.class);
  private static final String TEMP_PREFIX = ".parley-";
  private static final String TEMP_SUFFIX = ".part";
  private static final HexFormat HEX = HexFormat.of();

  private final Path directory;
  private final String safeName;
  private final long offeredSize;
  private final byte[] expectedSha256;
  private final Path temp;
  private final MessageDigest digest;
  private FileChannel channel;
  private long received;
  private FileOutcome outcome;

  private IncomingFile(Path directory, String offeredName, long offeredSize, byte[] expectedSha256,
      Path temp, FileChannel channel, MessageDigest digest, long received) {
    this.directory = directory;
    this.safeName = FileNames.sanitize(offeredName);
    this.offeredSize = offeredSize;
    this.expectedSha256 = expectedSha256.clone();
    this.temp = temp;
    this.channel = channel;
    this.digest = digest;
    this.received = received;
  }

  /**
   * Starts a new file in {@code directory} (which must exist).
   *
   * @param expectedSha256 the 32-byte hash from the offer
   * @throws IOException when the temporary file cannot be created
   */
  public static IncomingFile create(Path directory, String offeredName, long offeredSize,
      byte[] expectedSha256) throws IOException {
    checkArguments(offeredSize, expectedSha256);
    Path dir = directory.toRealPath();
    SecureRandom random = new SecureRandom();
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve(TEMP_PREFIX + Long.toUnsignedString(random.nextLong(), 36) + TEMP_SUFFIX);
      try {
        FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), ownerOnly(dir));
        return new IncomingFile(dir, offeredName, offeredSize, expectedSha256, temp, channel, sha256(), 0);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 8) {
          throw e;
        }
      }
    }
  }

  /**
   * Continues a file whose earlier transfer was {@link FileOutcome.Interrupted}: the kept bytes are
   * hashed first, then new bytes are appended from offset {@link #received()}.
   *
   * @throws IOException when {@code partial} is not a regular file directly inside
   *     {@code directory}, or cannot be read
   */
  public static IncomingFile resume(Path directory, Path partial, String offeredName, long offeredSize,
      byte[] expectedSha256) throws IOException {
    checkArguments(offeredSize, expectedSha256);
    Path dir = directory.toRealPath();
    Path temp = dir.resolve(partial.getFileName().toString());
    BasicFileAttributes attributes = Files.readAttributes(temp, BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile() || !temp.getFileName().toString().startsWith(TEMP_PREFIX)) {
      throw new IOException("not a partial download: " + temp.getFileName());
    }
    MessageDigest digest = sha256();
    FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    try {
      long length = hashExisting(channel, digest);
      channel.position(length);
      IncomingFile file = new IncomingFile(dir, offeredName, offeredSize, expectedSha256, temp,
          channel, digest, length);
      if (length > offeredSize) {
        file.fail(new FileOutcome.TooLong(offeredSize));
      }
      return file;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Bytes written so far (including resumed ones): the next byte's zero-based offset. */
  public synchronized long received() {
    return received;
  }

  public long offeredSize() {
    return offeredSize;
  }

  /** The temporary file; needed to {@link #resume} after an interruption. */
  public Path partialPath() {
    return temp;
  }

  /** The outcome once the file is finished, failed, cancelled or interrupted. */
  public synchronized Optional<FileOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /**
   * Appends bytes. More bytes than offered fail the file at once ({@link FileOutcome.TooLong}).
   *
   * @return false when the file has failed or ended (now or before): stop sending it bytes
   */
  public synchronized boolean write(byte[] bytes, int offset, int length) {
    if (outcome != null) {
      return false;
    }
    if (length > offeredSize - received) {
      fail(new FileOutcome.TooLong(offeredSize));
      return false;
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      digest.update(bytes, offset, length);
      received += length;
      return true;
    } catch (IOException e) {
      fail(new FileOutcome.Failed("could not write the file: " + e.getMessage()));
      return false;
    }
  }

  /**
   * Ends the file: fewer bytes than offered give {@link FileOutcome.Short}, a different hash
   * {@link FileOutcome.Mismatch}; otherwise the file is linked under its final name (never replacing
   * an existing file) and {@link FileOutcome.Saved} is returned. Idempotent.
   */
  public synchronized FileOutcome finish() {
    if (outcome != null) {
      return outcome;
    }
    if (received < offeredSize) {
      return fail(new FileOutcome.Short(offeredSize, received));
    }
    byte[] actual = digest.digest();
    if (!MessageDigest.isEqual(actual, expectedSha256)) {
      return fail(new FileOutcome.Mismatch(HEX.formatHex(expectedSha256), HEX.formatHex(actual)));
    }
    try {
      channel.force(true);
      channel.close();
      Path saved = publish();
      outcome = new FileOutcome.Saved(saved, received, HEX.formatHex(actual));
      return outcome;
    } catch (IOException e) {
      return fail(new FileOutcome.Failed("could not save the file: " + e.getMessage()));
    }
  }

  /** Abandons the file and deletes what was written. Idempotent; a finished file stays. */
  public synchronized FileOutcome cancel(boolean byPeer) {
    return outcome != null ? outcome : fail(new FileOutcome.Cancelled(byPeer));
  }

  /** The transfer broke off: closes the file but keeps it for {@link #resume}. Idempotent. */
  public synchronized FileOutcome interrupt() {
    if (outcome != null) {
      return outcome;
    }
    closeQuietly();
    outcome = new FileOutcome.Interrupted(temp, received);
    return outcome;
  }

  private Path publish() throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path target = directory.resolve(FileNames.collisionFree(directory, safeName));
      if (!directory.equals(target.getParent())) {
        throw new IOException("refusing a name outside the download directory");
      }
      try {
        Files.createLink(target, temp);
        Files.delete(temp);
        return target;
      } catch (FileAlreadyExistsException e) {
        if (attempt > 16) {
          throw e;
        }
      } catch (UnsupportedOperationException e) {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
      }
    }
  }

  private FileOutcome fail(FileOutcome failure) {
    outcome = failure;
    closeQuietly();
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("could not delete the temporary file {}: {}", temp, e.toString());
    }
    return failure;
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing {} failed: {}", temp, e.toString());
    }
  }

  private static long hashExisting(FileChannel channel, MessageDigest digest) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    long total = 0;
    channel.position(0);
    for (int n; (n = channel.read(buffer)) > 0; ) {
      digest.update(buffer.array(), 0, n);
      buffer.clear();
      total += n;
    }
    return total;
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  }

  private static void checkArguments(long offeredSize, byte[] expectedSha256) {
    Objects.requireNonNull(expectedSha256, "expectedSha256");
    if (offeredSize < 0) {
      throw new IllegalArgumentException("negative size " + offeredSize);
    }
    if (expectedSha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, not " + expectedSha256.length);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
