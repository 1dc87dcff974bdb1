package org.parley.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallState;

/**
 * The calls of one {@code parley run}: which are up (so {@code hangup} and {@code dtmf} may leave out the call
 * id), which one rings, and auto-answer. Registered as a core listener that runs on the core's own thread (it
 * only updates a concurrent map and may ask the core to answer, which returns at once).
 */
final class RunCalls {
    private final Parley parley;
    private final Optional<CallAudio.Files> autoAnswer;
    private final Map<String, CallState> live = new ConcurrentHashMap<>();

    /** @param autoAnswer answer every incoming call with these files; empty = wait for {@code answer} */
    RunCalls(Parley parley, Optional<CallAudio.Files> autoAnswer) {
        this.parley = parley;
        this.autoAnswer = autoAnswer;
    }

    void onEvent(ParleyEvent event) {
        if (event instanceof ParleyEvent.CallStateChanged s) {
            live.put(s.callId(), s.state());
        } else if (event instanceof ParleyEvent.CallEnded e) {
            live.remove(e.callId());
        } else if (event instanceof ParleyEvent.CallIncoming i) {
            live.put(i.callId(), CallState.INCOMING);
            autoAnswer.ifPresent(files -> parley.answer(i.callId(), files));
        }
    }

    /** {@code named}, or the only call in {@code state} (any state when null). */
    String pick(String named, CallState state) {
        if (named != null) {
            return named;
        }
        var candidates = live.entrySet().stream().filter(e -> state == null || e.getValue() == state)
                .map(Map.Entry::getKey).toList();
        if (candidates.size() != 1) {
            throw new IllegalArgumentException(candidates.isEmpty()
                    ? "There is no " + (state == CallState.INCOMING ? "incoming " : "") + "call."
                    : "There are several calls: name one with \"call\".");
        }
        return candidates.get(0);
    }

    static CallAudio.Files files(String play, String record) {
        return new CallAudio.Files(Optional.ofNullable(play).map(Path::of), Optional.ofNullable(record).map(Path::of));
    }
}
