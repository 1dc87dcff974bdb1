package org.parley.app.sip.validation;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What this user agent implements, as far as {@link RequestScreen} needs to know. Immutable.
 *
 * @param allow              methods we answer (advertised in {@code Allow} with 501)
 * @param optionTags         option tags we support (RFC 3261 §8.2.2.3); anything else in Require is 420
 * @param acceptedBodyTypes  per method, the body media types ("type/subtype", lower case) we can process;
 *                           a body of another type is 415 with {@code Accept}. Methods not listed are not checked.
 * @param answerBodyTypes    per method, the media types our response to it would carry; an {@code Accept}
 *                           header that admits none of them is 406. Methods not listed are not checked.
 */
public record ScreenPolicy(Set<String> allow, Set<String> optionTags, Map<String, Set<String>> acceptedBodyTypes,
                           Map<String, Set<String>> answerBodyTypes) {

    public ScreenPolicy {
        allow = Set.copyOf(allow);
        optionTags = Set.copyOf(optionTags);
        acceptedBodyTypes = lowerCase(acceptedBodyTypes);
        answerBodyTypes = lowerCase(answerBodyTypes);
    }

    /**
     * Parley today: pager-mode MESSAGE (text/plain, RFC 3994 is-composing) and OPTIONS, no extensions. INVITE
     * bodies are described as SDP so that offers are judged like an endpoint would (RFC 4475 §3.3.6, §3.3.15);
     * what is done with a valid INVITE is the user agent's choice (405 today).
     */
    public static ScreenPolicy parley() {
        return new ScreenPolicy(Set.of("MESSAGE", "OPTIONS"), Set.of(),
                Map.of("MESSAGE", Set.of("text/plain", "application/im-iscomposing+xml"),
                        "INVITE", Set.of("application/sdp")),
                Map.of("INVITE", Set.of("application/sdp")));
    }

    private static Map<String, Set<String>> lowerCase(Map<String, Set<String>> byMethod) {
        return byMethod.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())));
    }
}
