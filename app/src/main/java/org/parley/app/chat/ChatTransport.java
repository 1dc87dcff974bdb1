package org.parley.app.chat;

import java.util.concurrent.CompletableFuture;
import org.parley.app.SipAddress;

/**
 * What the chat engine needs from signalling. Implemented by the core; called on the core thread and the
 * futures complete on the core thread.
 */
public interface ChatTransport {

    boolean isRegistered(String account);

    /**
     * Sends one MESSAGE. {@code callId} and {@code fromTag} identify the message across re-sends so the
     * receiver can drop duplicates.
     */
    CompletableFuture<SendOutcome> sendMessage(String account, SipAddress to, String callId, String fromTag,
                                               String contentType, String body);

    /** A send failed on the transport or timed out: the registration may be gone. */
    void suspectLost(String account, String why);
}
