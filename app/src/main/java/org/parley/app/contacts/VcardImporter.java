package org.parley.app.contacts;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Impp;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.app.InvalidInput;
import org.parley.app.SipAddress;
import org.parley.app.contacts.SkippedCard.Reason;

/**
 * Reads .vcf files (vCard 2.1, 3.0 and 4.0, several cards per file) into {@link ContactCard}s, using ez-vcard for
 * the format (line folding, quoted-printable, escaping, parameters).
 *
 * <p>SIP addresses are taken from, in this order: {@code IMPP} with a {@code sip:}/{@code sips:} URI (RFC 4770,
 * vCard 4.0; also Apple's {@code IMPP;X-SERVICE-TYPE=SIP}), {@code X-SIP} (Android, Linphone, Jitsi),
 * {@code X-SIP-ADDRESS}, {@code X-MS-IMADDRESS} (Outlook/Lync, when it holds a SIP URI or user@host), and
 * {@code TEL} values that are {@code sip:} URIs. A card without any valid one is skipped with its reason.
 * The name is FN, else N (given family), else the first address's user part. Groups are CATEGORIES.
 *
 * <p>Text is read as UTF-8; a file that is not valid UTF-8 is read as windows-1252 (what older Outlook writes).
 * Pure and thread-safe.
 */
public final class VcardImporter {
    /** Largest file accepted: 5 MiB, thousands of cards. */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private static final Set<String> SIP_PROPERTIES = Set.of("X-SIP", "X-SIP-ADDRESS", "X-MS-IMADDRESS");

    /**
     * Reads a file, refusing it before reading if it is larger than {@link #MAX_FILE_BYTES}.
     *
     * @throws VcardException if the file is too large, unreadable or has no card
     */
    public VcardImport read(Path file) throws VcardException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw tooLarge(size);
            }
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new VcardException(VcardException.Reason.UNREADABLE,
                    "The file " + file.getFileName() + " cannot be read.", e);
        }
    }

    /**
     * Reads the contents of a .vcf file.
     *
     * @throws VcardException if the data is too large or has no card
     */
    public VcardImport read(byte[] data) throws VcardException {
        Objects.requireNonNull(data);
        if (data.length > MAX_FILE_BYTES) {
            throw tooLarge(data.length);
        }
        List<VCard> cards;
        try (VCardReader reader = new VCardReader(new StringReader(decode(data)))) {
            reader.setDefaultQuotedPrintableCharset(StandardCharsets.UTF_8);
            cards = reader.readAll();
        } catch (IOException e) {
            // Reading from a string fails only on a bug in the library.
            throw new IllegalStateException("Reading vCards from memory failed", e);
        }
        if (cards.isEmpty()) {
            throw new VcardException(VcardException.Reason.NO_CARDS, "The file has no vCard in it.", null);
        }
        List<ContactCard> contacts = new ArrayList<>();
        List<SkippedCard> skipped = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            convert(cards.get(i), i + 1, contacts, skipped);
        }
        return new VcardImport(contacts, skipped);
    }

    private static void convert(VCard card, int position, List<ContactCard> contacts, List<SkippedCard> skipped) {
        String name = name(card);
        List<String> candidates = sipCandidates(card);
        Map<String, SipAddress> addresses = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                SipAddress address = SipAddress.parse(candidate);
                addresses.putIfAbsent(address.key(), address);
            } catch (InvalidInput e) {
                invalid.add(candidate);
            }
        }
        String label = name.isEmpty() ? "Card " + position : name;
        if (addresses.isEmpty()) {
            if (invalid.isEmpty()) {
                skipped.add(new SkippedCard(position, name, Reason.NO_SIP_ADDRESS, label + " has no SIP address."));
            } else {
                skipped.add(new SkippedCard(position, name, Reason.INVALID_SIP_ADDRESS,
                        label + " has no valid SIP address (\"" + invalid.get(0) + "\")."));
            }
            return;
        }
        List<SipAddress> list = List.copyOf(addresses.values());
        if (name.isEmpty()) {
            name = list.get(0).user();
        }
        List<String> groups = card.getCategoriesList().stream().flatMap(c -> c.getValues().stream())
                .map(String::strip).filter(g -> !g.isEmpty()).distinct().toList();
        List<String> phones = card.getTelephoneNumbers().stream().map(VcardImporter::telephone)
                .filter(t -> !t.isEmpty() && !isSipUri(t)).toList();
        List<String> emails = card.getEmails().stream().map(Email::getValue).filter(Objects::nonNull)
                .map(String::strip).filter(e -> !e.isEmpty()).toList();
        contacts.add(new ContactCard(name, list, groups, phones, emails));
    }

    private static String name(VCard card) {
        for (FormattedName fn : card.getFormattedNames()) {
            if (fn.getValue() != null && !fn.getValue().isBlank()) {
                return fn.getValue().strip();
            }
        }
        StructuredName n = card.getStructuredName();
        if (n != null) {
            String joined = java.util.stream.Stream.of(n.getGiven(), n.getFamily()).filter(Objects::nonNull)
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        return "";
    }

    private static List<String> sipCandidates(VCard card) {
        List<String> out = new ArrayList<>();
        for (Impp impp : card.getImpps()) {
            String protocol = impp.getProtocol() == null ? "" : impp.getProtocol().toLowerCase(Locale.ROOT);
            String service = impp.getParameter("X-SERVICE-TYPE");
            if (protocol.equals("sip") || protocol.equals("sips")) {
                out.add(impp.getUri().toString());
            } else if (service != null && service.equalsIgnoreCase("sip") && impp.getHandle() != null) {
                out.add(impp.getHandle());
            }
        }
        for (RawProperty raw : card.getExtendedProperties()) {
            String value = raw.getValue() == null ? "" : raw.getValue().strip();
            if (value.isEmpty() || !SIP_PROPERTIES.contains(raw.getPropertyName().toUpperCase(Locale.ROOT))) {
                continue;
            }
            if (raw.getPropertyName().equalsIgnoreCase("X-MS-IMADDRESS") && !isSipUri(value) && !value.contains("@")) {
                continue;
            }
            out.add(value);
        }
        for (Telephone tel : card.getTelephoneNumbers()) {
            String value = telephone(tel);
            if (isSipUri(value)) {
                out.add(value);
            }
        }
        return out;
    }

    private static String telephone(Telephone tel) {
        if (tel.getText() != null) {
            return tel.getText().strip();
        }
        return tel.getUri() == null ? "" : tel.getUri().toString();
    }

    private static boolean isSipUri(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("sip:") || lower.startsWith("sips:");
    }

    private static String decode(byte[] data) {
        int start = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB
                && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(data, start, data.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(data, start, data.length - start, Charset.forName("windows-1252"));
        }
    }

    private static VcardException tooLarge(long size) {
        return new VcardException(VcardException.Reason.TOO_LARGE, "The file has " + size + " bytes; the limit is "
                + MAX_FILE_BYTES + " (5 MiB).", null);
    }
}
