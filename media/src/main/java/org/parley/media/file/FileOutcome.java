package org.parley.media.file;

import java.nio.file.Path;

/**
 * How receiving one file ended. Only {@link Saved} leaves a file behind; every other outcome has
 * deleted the temporary file (except {@link Interrupted}, which keeps it for a resume).
 */
public sealed interface FileOutcome {
  /** Complete, verified and renamed to {@code path}. */
  record Saved(Path path, long size, String sha256) implements FileOutcome {
  }

  /** All bytes arrived but their SHA-256 differs from the offered one. */
  record Mismatch(String expectedSha256, String actualSha256) implements FileOutcome {
  }

  /** The peer sent more bytes than it offered. */
  record TooLong(long offeredSize) implements FileOutcome {
  }

  /** The message ended with fewer bytes than offered. */
  record Short(long offeredSize, long received) implements FileOutcome {
  }

  /** Cancelled by the sender or by our user. */
  record Cancelled(boolean byPeer) implements FileOutcome {
  }

  /** The transfer broke off; the partial file is kept at {@code partial} for a resume. */
  record Interrupted(Path partial, long received) implements FileOutcome {
  }

  /** A local failure (disk full, unwritable directory) or a protocol failure, in plain words. */
  record Failed(String reason) implements FileOutcome {
  }
}
