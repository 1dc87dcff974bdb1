package org.parley.ui.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.parley.app.dial.DialRequest;
import org.parley.app.dial.DialUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the hand-off thread and the app: checks each link at once (a malformed one is refused with its
 * sentence, so the second launch can say so and exit non-zero) and passes good ones to the UI thread, keeping
 * them until the profile is unlocked and a {@link #attach consumer} is there. "Show" requests go to the window
 * right away.
 *
 * <p>Threading: {@link #apply} runs on the hand-off thread and returns at once; everything else on the UI thread
 * (the executor given).
 */
public final class HandoffInbox implements Function<HandoffMessage.Request, HandoffMessage.Reply> {
    /** Links kept while the profile is locked; more are dropped (a page spamming links gets no queue). */
    static final int MAX_PENDING = 4;
    private static final Logger LOG = LoggerFactory.getLogger(HandoffInbox.class);

    private final Executor ui;
    private final List<String> pending = new ArrayList<>();
    private Consumer<String> links;
    private Runnable show = () -> { };

    public HandoffInbox(Executor ui) {
        this.ui = ui;
    }

    @Override
    public HandoffMessage.Reply apply(HandoffMessage.Request request) {
        if (request.link().isEmpty()) {
            ui.execute(() -> show.run());
            return HandoffMessage.Reply.accepted();
        }
        String link = request.link().get();
        if (DialUri.parse(link) instanceof DialRequest.Refused r) {
            LOG.info("hand-off: link refused: {}", r.sentence());
            return HandoffMessage.Reply.refused(r.sentence());
        }
        ui.execute(() -> offer(link));
        return HandoffMessage.Reply.accepted();
    }

    /** UI thread: a link for the app (from the hand-off or this launch's own command line). */
    public void offer(String link) {
        show.run();
        if (links != null) {
            links.accept(link);
        } else if (pending.size() < MAX_PENDING) {
            pending.add(link);
        } else {
            LOG.warn("hand-off: more than {} links while locked; one dropped", MAX_PENDING);
        }
    }

    /** UI thread: what brings the window to the front. */
    public void onShow(Runnable action) {
        this.show = action;
    }

    /** UI thread: from now on links go to {@code consumer}; those kept so far go there first. */
    public void attach(Consumer<String> consumer) {
        this.links = consumer;
        List<String> kept = List.copyOf(pending);
        pending.clear();
        kept.forEach(consumer);
    }
}
