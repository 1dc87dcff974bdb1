package org.parley.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.app.call.CallState;
import org.parley.storage.MessageRecord;

/**
 * The JSON shape of every line {@code parley run} writes (schema in docs/cli.md). Pure functions: no I/O,
 * no state, callable from any thread. Optional fields are omitted rather than written as null.
 */
final class EventJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    /** The line for {@code event}, or null when the event is not shown on its own. */
    static ObjectNode of(ParleyEvent event) {
        if (event instanceof ParleyEvent.RegistrationChanged e) {
            return registration(e.account(), e.state());
        }
        if (event instanceof ParleyEvent.MessageReceived e) {
            return event("message").put("account", e.account()).put("from", e.from()).put("text", e.text())
                    .put("id", e.id()).put("time", e.at().toString());
        }
        if (event instanceof ParleyEvent.MessageStateChanged e) {
            ObjectNode node = event("message_state").put("account", e.account()).put("to", e.to()).put("id", e.id())
                    .put("state", e.state().name().toLowerCase(Locale.ROOT));
            return e.reason() == null ? node : node.put("reason", e.reason());
        }
        if (event instanceof ParleyEvent.TypingChanged e) {
            return event("typing").put("account", e.account()).put("from", e.peer()).put("active", e.active());
        }
        if (event instanceof ParleyEvent.WatchersChanged e) {
            ObjectNode node = event("watchers").put("account", e.account());
            var list = node.putArray("watchers");
            e.watchers().forEach(w -> list.addObject().put("uri", w.uri()).put("status", w.status()));
            return node;
        }
        if (event instanceof ParleyEvent.CallIncoming e) {
            ObjectNode node = event("call_incoming").put("account", e.account()).put("call", e.callId())
                    .put("from", e.from());
            if (!e.displayName().isEmpty()) {
                node.put("name", e.displayName());
            }
            if (!e.contactName().isEmpty()) {
                node.put("contact_name", e.contactName());
            }
            return node.put("name_mismatch", e.nameMismatch());
        }
        if (event instanceof ParleyEvent.CallStateChanged e) {
            return switch (e.state()) {
                case ACTIVE -> event("call_established").put("account", e.account()).put("call", e.callId())
                        .put("peer", e.peer());
                case CALLING, RINGING -> event("call_progress").put("account", e.account()).put("call", e.callId())
                        .put("peer", e.peer()).put("state", e.state().name().toLowerCase(Locale.ROOT));
                case ON_HOLD, REMOTE_HOLD -> event("call_held").put("account", e.account()).put("call", e.callId())
                        .put("peer", e.peer()).put("by", e.state() == CallState.ON_HOLD ? "us" : "peer");
                case INCOMING -> null; // told by call_incoming
            };
        }
        if (event instanceof ParleyEvent.CallEnded e) {
            ObjectNode node = event("call_ended").put("account", e.account()).put("call", e.callId())
                    .put("peer", e.peer()).put("reason", e.end().code());
            if (e.end() instanceof org.parley.app.call.CallEnd.Rejected r) {
                node.put("status", r.status()).put("detail", r.reason());
            } else if (e.end() instanceof org.parley.app.call.CallEnd.Transferred t) {
                node.put("target", t.target());
            } else if (e.end() instanceof org.parley.app.call.CallEnd.Failed f) {
                node.put("detail", f.reason());
            }
            return node;
        }
        if (event instanceof ParleyEvent.CallTransferFailed e) {
            return event("transfer_failed").put("account", e.account()).put("call", e.callId())
                    .put("target", e.target()).put("status", e.status());
        }
        if (event instanceof ParleyEvent.DtmfReceived e) {
            return event("dtmf").put("account", e.account()).put("call", e.callId())
                    .put("digit", String.valueOf(e.digit()));
        }
        if (event instanceof ParleyEvent.WatcherApprovalNeeded e) {
            ObjectNode node = event("watcher_request").put("account", e.account()).put("watcher", e.watcher());
            return e.displayName().isEmpty() ? node : node.put("name", e.displayName());
        }
        if (event instanceof ParleyEvent.PresenceChanged e) {
            ObjectNode node = event("presence").put("account", e.account()).put("contact", e.contact())
                    .put("state", PresenceNames.of(e.state()));
            return e.note().isEmpty() ? node : node.put("note", e.note());
        }
        ObjectNode file = FileEventJson.of(event);
        if (file != null) {
            return file;
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    static ObjectNode registration(String account, RegistrationState state) {
        if (state instanceof RegistrationState.Registered r) {
            return event("registered").put("account", account).put("expires", r.expiresSeconds());
        }
        if (state instanceof RegistrationState.Registering) {
            return event("registering").put("account", account);
        }
        if (state instanceof RegistrationState.Unregistered) {
            return event("unregistered").put("account", account);
        }
        ObjectNode node = event("registration_failed").put("account", account).put("kind", kind(state))
                .put("reason", state.describe());
        if (state instanceof RegistrationState.CertificateNotTrusted c) {
            node.put("fingerprint", c.sha256Fingerprint()).put("subject", c.subject());
        } else if (state instanceof RegistrationState.Unreachable u && u.retryInSeconds() > 0) {
            node.put("retry_in", u.retryInSeconds());
        } else if (state instanceof RegistrationState.Failed f) {
            node.put("status", f.statusCode());
        }
        return node;
    }

    /** The {@code kind} of a failed registration; also used by {@code send} in its message. */
    static String kind(RegistrationState state) {
        if (state instanceof RegistrationState.AuthFailed) {
            return "auth_failed";
        }
        if (state instanceof RegistrationState.Unreachable) {
            return "unreachable";
        }
        if (state instanceof RegistrationState.CertificateNotTrusted) {
            return "certificate_not_trusted";
        }
        if (state instanceof RegistrationState.Forbidden) {
            return "forbidden";
        }
        return "failed";
    }

    static ObjectNode ready() {
        return event("ready");
    }

    static ObjectNode queued(MessageRecord message, JsonNode ref) {
        ObjectNode node = event("queued").put("id", message.id()).put("account", message.account())
                .put("to", message.peer());
        return withRef(node, ref);
    }

    static ObjectNode error(String reason, JsonNode ref) {
        return withRef(event("error").put("reason", reason), ref);
    }

    private static ObjectNode withRef(ObjectNode node, JsonNode ref) {
        if (ref != null && !ref.isNull() && !ref.isMissingNode()) {
            node.set("ref", ref);
        }
        return node;
    }

    static ObjectNode event(String name) {
        return NODES.objectNode().put("event", name);
    }
}
