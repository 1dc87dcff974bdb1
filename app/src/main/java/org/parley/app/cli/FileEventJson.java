package org.parley.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.app.ParleyEvent;
import org.parley.app.file.FileEnd;
import org.parley.app.file.FileOffer;

/** The JSON lines of file transfers (schema in docs/cli.md). Pure functions. */
final class FileEventJson {
    private FileEventJson() {
    }

    /** The line for a file event, or null when {@code event} is not about files. */
    static ObjectNode of(ParleyEvent event) {
        if (event instanceof ParleyEvent.FileOffered e) {
            FileOffer o = e.offer();
            ObjectNode node = EventJson.event("file_offer").put("account", o.account()).put("transfer", o.transferId())
                    .put("from", o.from()).put("name", o.name()).put("size", o.size()).put("type", o.type())
                    .put("sha256", o.sha256());
            return o.displayName().isEmpty() ? node : node.put("display_name", o.displayName());
        }
        if (event instanceof ParleyEvent.FileProgress e) {
            return EventJson.event("file_progress").put("account", e.account()).put("transfer", e.transferId())
                    .put("bytes", e.bytes()).put("total", e.total());
        }
        if (event instanceof ParleyEvent.FileResumed e) {
            return EventJson.event("file_resumed").put("account", e.account()).put("transfer", e.transferId())
                    .put("previous", e.previousTransferId()).put("peer", e.peer()).put("name", e.name())
                    .put("direction", e.outgoing() ? "out" : "in").put("offset", e.offset());
        }
        if (event instanceof ParleyEvent.FileEnded e) {
            String direction = e.outgoing() ? "out" : "in";
            if (e.end() instanceof FileEnd.Done done) {
                ObjectNode node = EventJson.event("file_done").put("account", e.account()).put("transfer",
                        e.transferId()).put("peer", e.peer()).put("name", e.name()).put("direction", direction)
                        .put("sha256", done.sha256()).put("bytes", done.bytes());
                done.saved().ifPresent(p -> node.put("path", p.toString()));
                return node;
            }
            ObjectNode node = EventJson.event("file_failed").put("account", e.account()).put("transfer", e.transferId())
                    .put("peer", e.peer()).put("name", e.name()).put("direction", direction)
                    .put("kind", e.end().code()).put("reason", e.end().reason());
            if (e.end() instanceof FileEnd.Quarantined q) {
                node.put("quarantine", q.quarantine().toString());
            }
            return node;
        }
        return null;
    }
}
