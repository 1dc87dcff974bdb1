package org.parley.app.file;

/**
 * A file someone offers us, as the user sees it before accepting. {@code name} is the offered name already made
 * safe (media's {@code FileNames}); the offered text never reaches a path.
 *
 * @param account     our account that received the offer
 * @param transferId  the transfer's id for {@code acceptFile}/{@code declineFile}/{@code cancelFile}
 * @param from        the sender's address as the request says
 * @param displayName the display name the sender claims (may be empty)
 * @param name        the safe file name the file will be saved under (before collision numbering)
 * @param size        the offered size in bytes
 * @param type        the offered media type ({@code application/octet-stream} when none was given)
 * @param sha256      the offered SHA-256, lower-case hex
 */
public record FileOffer(String account, String transferId, String from, String displayName, String name, long size,
                        String type, String sha256) {
}
