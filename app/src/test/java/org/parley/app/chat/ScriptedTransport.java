package org.parley.app.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.app.SipAddress;

/** A {@link ChatTransport} whose answers the test scripts. Records every request; core thread only. */
final class ScriptedTransport implements ChatTransport {
    record Sent(String account, SipAddress to, String callId, String fromTag, String contentType, String body,
                CompletableFuture<SendOutcome> answer) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<String> suspicions = new CopyOnWriteArrayList<>();
    private final Deque<SendOutcome> script = new ArrayDeque<>();
    volatile boolean registered = true;
    /** When false, requests stay unanswered until the test completes {@link Sent#answer()}. */
    volatile boolean autoAnswer = true;

    void answerNext(SendOutcome... outcomes) {
        synchronized (script) {
            script.addAll(List.of(outcomes));
        }
    }

    List<Sent> textMessages() {
        return new ArrayList<>(sent.stream().filter(s -> s.contentType().equals("text/plain")).toList());
    }

    @Override
    public boolean isRegistered(String account) {
        return registered;
    }

    @Override
    public CompletableFuture<SendOutcome> sendMessage(String account, SipAddress to, String callId, String fromTag,
                                                      String contentType, String body) {
        CompletableFuture<SendOutcome> answer = new CompletableFuture<>();
        sent.add(new Sent(account, to, callId, fromTag, contentType, body, answer));
        if (autoAnswer) {
            SendOutcome next;
            synchronized (script) {
                next = script.isEmpty() ? new SendOutcome.Accepted(false) : script.poll();
            }
            answer.complete(next);
        }
        return answer;
    }

    @Override
    public void suspectLost(String account, String why) {
        suspicions.add(why);
    }
}
