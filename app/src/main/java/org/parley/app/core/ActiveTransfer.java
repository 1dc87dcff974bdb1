package org.parley.app.core;

import java.nio.file.Path;
import org.parley.app.sdp.FileDescription;
import org.parley.app.sdp.FileSections;
import org.parley.app.sdp.SdpSession;
import org.parley.app.sip.call.CallLeg;

/**
 * One file transfer's state, owned by {@link FileTransfers} on the core thread. {@code outgoing}: we send the file
 * (whoever offered); {@code leg.outgoing()}: we sent the INVITE.
 */
final class ActiveTransfer {
    final CallLeg leg;
    final boolean outgoing;
    final FileDescription file;
    final SdpSession sdp;
    final String displayName;
    FileMedia media;
    Path source;
    FileSections.RemoteMsrp remote;
    /** Our last description: repeated when a session-timer refresh re-INVITEs the dialog. */
    byte[] lastSdp;
    /** When we pull the rest of a file: the part we kept. */
    FileResumption.Kept kept;
    long bytes;
    long lastProgress;
    boolean finished;

    ActiveTransfer(CallLeg leg, boolean outgoing, FileDescription file, SdpSession sdp, String displayName) {
        this.leg = leg;
        this.outgoing = outgoing;
        this.file = file;
        this.sdp = sdp;
        this.displayName = displayName;
    }

    String name() {
        return file.selector().name().orElse("file");
    }
}
