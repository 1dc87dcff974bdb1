package org.parley.storage;

/**
 * An entry of the contact list.
 *
 * @param account the local account the contact belongs to
 * @param address the contact's address of record
 * @param name    display name, may be null
 * @param group   group name, may be null
 */
public record ContactRecord(String account, String address, String name, String group) {
}
