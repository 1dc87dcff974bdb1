package org.parley.storage.sqlite;

import java.sql.SQLException;

import org.parley.storage.CorruptProfileException;
import org.parley.storage.StorageException;

/** Maps SQLite result codes to {@link StorageException}s with a message fit for a user. Stateless. */
final class SqlErrors {
    static final String NOT_READABLE =
            "The profile database cannot be read: it is damaged or was not written by Parley.";

    private SqlErrors() {
    }

    static StorageException map(SQLException e) {
        return switch (e.getErrorCode() & 0xff) {
            case 26 /* NOTADB */ -> new CorruptProfileException(NOT_READABLE, e);
            case 11 /* CORRUPT */ -> new CorruptProfileException("The profile database is damaged.", e);
            case 13 /* FULL */ -> new StorageException("The disk is full.", e);
            case 3, 8, 23 /* PERM, READONLY, AUTH */ -> new StorageException("The profile files cannot be written.", e);
            case 14 /* CANTOPEN */ -> new StorageException("The profile database cannot be opened.", e);
            case 10 /* IOERR */ -> new StorageException("Reading or writing the profile failed.", e);
            case 5, 6 /* BUSY, LOCKED */ -> new StorageException("The profile is in use by another program.", e);
            case 19 /* CONSTRAINT */ -> new StorageException("The change conflicts with data already stored.", e);
            default -> new StorageException("The profile database failed.", e);
        };
    }

    /** For failures that are not SQL errors (bugs, runtime failures inside an operation). */
    static StorageException unexpected(Exception e) {
        if (e instanceof StorageException se) {
            return se;
        }
        if (e instanceof SQLException sql) {
            return map(sql);
        }
        return new StorageException("The profile database failed.", e);
    }
}
