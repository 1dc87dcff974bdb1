package org.parley.app.presence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.xml.XMLConstants;
import org.parley.app.presence.PresenceDocumentException.Reason;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX callbacks that pick the understood parts out of a PIDF document and count depth and elements. One instance
 * per document; not thread-safe (confined to the parsing call).
 */
final class PidfHandler extends DefaultHandler {
    /** A limit was exceeded or the root is not PIDF; stops the parse at once. */
    static final class Refused extends SAXException {
        private static final long serialVersionUID = 1L;
        private final transient Reason reason;

        Refused(Reason reason, String sentence) {
            super(sentence);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    /** What the text of the element being captured becomes. */
    private enum Capture { BASIC, CONTACT, NOTE, TIMESTAMP, ACTIVITY_TEXT, USER_INPUT }

    private record Name(String uri, String local) {
    }

    private final PidfLimits limits;
    private final Deque<Name> open = new ArrayDeque<>();
    private int elements;
    private boolean rootUnqualified;

    private String entity = "";
    private final List<PresenceTuple> tuples = new ArrayList<>();
    private final List<PresencePerson> persons = new ArrayList<>();
    private final List<Note> documentNotes = new ArrayList<>();
    private final List<String> documentActivities = new ArrayList<>();

    private Part tuple;
    private Part person;
    private int activitiesDepth = -1;

    private Capture capture;
    private int captureDepth;
    private String captureLanguage;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder activitiesText = new StringBuilder();

    PidfHandler(PidfLimits limits) {
        this.limits = limits;
    }

    /** Mutable collector for one tuple or person. */
    private static final class Part {
        final String id;
        BasicStatus basic = BasicStatus.ABSENT;
        String contact;
        OptionalDouble priority = OptionalDouble.empty();
        Instant timestamp;
        boolean idle;
        final List<Note> notes = new ArrayList<>();
        final List<String> activities = new ArrayList<>();

        Part(String id) {
            this.id = id == null ? "" : id;
        }
    }

    PresenceDocument document() {
        List<PresencePerson> allPersons = new ArrayList<>(persons);
        if (!documentActivities.isEmpty()) {
            // Activities outside any person or tuple: read as an anonymous person.
            allPersons.add(new PresencePerson("", documentActivities, false, List.of(), Optional.empty()));
        }
        return new PresenceDocument(entity, tuples, allPersons, documentNotes);
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
        // Unreachable with DOCTYPEs disallowed; refuses rather than fetches if that ever changes.
        throw new Refused(Reason.DOCTYPE, "The presence document refers to an external entity, which is refused.");
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes) throws SAXException {
        if (++elements > limits.maxElements()) {
            throw new Refused(Reason.TOO_MANY_ELEMENTS,
                    "The presence document has more than " + limits.maxElements() + " elements.");
        }
        Name parent = open.peek();
        open.push(new Name(uri, local));
        int depth = open.size();
        if (depth > limits.maxDepth()) {
            throw new Refused(Reason.TOO_DEEP,
                    "The presence document is nested deeper than " + limits.maxDepth() + " levels.");
        }
        if (depth == 1) {
            startRoot(uri, local, attributes);
            return;
        }
        if (capture != null) {
            return; // mixed content inside a captured element: its text is kept, its markup ignored
        }
        if (activitiesDepth >= 0) {
            if (depth == activitiesDepth + 1 && !local.equals("note")) {
                if (local.equals("other") || local.equals("activity")) {
                    startCapture(Capture.ACTIVITY_TEXT, depth, null);
                } else {
                    currentActivities().add(local);
                }
            }
            return;
        }
        if (local.equals("activities") && Namespaces.isRpid(uri)
                && (depth == 2 || tuple != null || person != null)) {
            activitiesDepth = depth;
            return;
        }
        if (depth == 2) {
            if (isPidf(uri) && local.equals("tuple")) {
                tuple = new Part(attributes.getValue("id"));
            } else if (Namespaces.isPerson(uri) && local.equals("person")) {
                person = new Part(attributes.getValue("id"));
            } else if (isPidf(uri) && local.equals("note")) {
                startCapture(Capture.NOTE, depth, language(attributes));
            }
            return;
        }
        if (tuple != null) {
            startInTuple(uri, local, attributes, parent, depth);
        } else if (person != null) {
            startInPerson(uri, local, attributes, depth);
        }
    }

    private void startRoot(String uri, String local, Attributes attributes) throws Refused {
        rootUnqualified = uri.isEmpty();
        if (!local.equals("presence") || !(uri.equals(Namespaces.PIDF) || rootUnqualified)) {
            throw new Refused(Reason.NOT_PIDF, "The document is not PIDF: its root is <" + shorten(local) + ">"
                    + (uri.isEmpty() ? "" : " in namespace " + shorten(uri)) + ".");
        }
        String value = attributes.getValue("entity");
        entity = value == null ? "" : value.strip();
    }

    private void startInTuple(String uri, String local, Attributes attributes, Name parent, int depth) {
        if (!isPidf(uri)) {
            return;
        }
        if (depth == 3) {
            switch (local) {
                case "contact" -> {
                    tuple.priority = priority(attributes.getValue("priority"));
                    startCapture(Capture.CONTACT, depth, null);
                }
                case "note" -> startCapture(Capture.NOTE, depth, language(attributes));
                case "timestamp" -> startCapture(Capture.TIMESTAMP, depth, null);
                default -> {
                    // status is entered; anything else is skipped
                }
            }
        } else if (depth == 4 && local.equals("basic") && isPidf(parent.uri()) && parent.local().equals("status")) {
            startCapture(Capture.BASIC, depth, null);
        }
    }

    private void startInPerson(String uri, String local, Attributes attributes, int depth) {
        if (depth == 3 && (Namespaces.isPerson(uri) || isPidf(uri))) {
            if (local.equals("note")) {
                startCapture(Capture.NOTE, depth, language(attributes));
            } else if (local.equals("timestamp")) {
                startCapture(Capture.TIMESTAMP, depth, null);
            }
        } else if (depth == 3 && uri.equals(Namespaces.RPID) && local.equals("user-input")) {
            startCapture(Capture.USER_INPUT, depth, null);
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (capture != null) {
            text.append(ch, start, length);
        } else if (activitiesDepth >= 0 && open.size() == activitiesDepth) {
            activitiesText.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        int depth = open.size();
        open.pop();
        if (capture != null) {
            if (depth == captureDepth) {
                endCapture();
            }
            return;
        }
        if (depth == activitiesDepth) {
            // Some servers write the activity as text: <ep:activities>ep:busy</ep:activities>.
            for (String word : activitiesText.toString().strip().split("\\s+")) {
                String activity = word.substring(word.indexOf(':') + 1);
                if (!activity.isEmpty()) {
                    currentActivities().add(activity);
                }
            }
            activitiesText.setLength(0);
            activitiesDepth = -1;
        } else if (depth == 2 && tuple != null) {
            tuples.add(new PresenceTuple(tuple.id, tuple.basic, Optional.ofNullable(tuple.contact), tuple.priority,
                    tuple.notes, Optional.ofNullable(tuple.timestamp), tuple.activities));
            tuple = null;
        } else if (depth == 2 && person != null) {
            persons.add(new PresencePerson(person.id, person.activities, person.idle, person.notes,
                    Optional.ofNullable(person.timestamp)));
            person = null;
        }
    }

    private void startCapture(Capture kind, int depth, String language) {
        capture = kind;
        captureDepth = depth;
        captureLanguage = language;
        text.setLength(0);
    }

    private void endCapture() {
        String value = text.toString();
        Part part = tuple != null ? tuple : person;
        switch (capture) {
            case BASIC -> tuple.basic = basic(value);
            case CONTACT -> {
                String contact = value.strip();
                tuple.contact = contact.isEmpty() ? null : contact;
            }
            case NOTE -> {
                Note note = Note.received(value, captureLanguage);
                if (!note.isEmpty()) {
                    (part == null ? documentNotes : part.notes).add(note);
                }
            }
            case TIMESTAMP -> part.timestamp = timestamp(value);
            case ACTIVITY_TEXT -> {
                String activity = value.strip();
                if (!activity.isEmpty()) {
                    currentActivities().add(activity);
                }
            }
            case USER_INPUT -> person.idle = value.strip().equalsIgnoreCase("idle");
        }
        capture = null;
        text.setLength(0);
    }

    private List<String> currentActivities() {
        if (person != null) {
            return person.activities;
        }
        return tuple != null ? tuple.activities : documentActivities;
    }

    private boolean isPidf(String uri) {
        return uri.equals(Namespaces.PIDF) || (rootUnqualified && uri.isEmpty());
    }

    private static String language(Attributes attributes) {
        return attributes.getValue(XMLConstants.XML_NS_URI, "lang");
    }

    private static BasicStatus basic(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> BasicStatus.OPEN;
            case "closed" -> BasicStatus.CLOSED;
            default -> BasicStatus.ABSENT;
        };
    }

    private static OptionalDouble priority(String value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double p = Double.parseDouble(value.strip());
            return p >= 0 && p <= 1 ? OptionalDouble.of(p) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** RFC 3339 date-time; without an offset (a common slip) it is read as UTC; anything else is absent. */
    static Instant timestamp(String value) {
        String s = value.strip().toUpperCase(Locale.ROOT);
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
