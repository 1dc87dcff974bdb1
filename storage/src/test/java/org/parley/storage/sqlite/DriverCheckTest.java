package org.parley.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.parley.storage.StorageException;

class DriverCheckTest {

    @Test
    void theEncryptingDriverIsLoaded() throws Exception {
        assertThat(DriverCheck.requireEncryptingDriver()).startsWith("SQLite3 Multiple Ciphers");
    }

    /** The plain org.xerial driver has no sqlite3mc_version(): SQLite answers "no such function". */
    @Test
    void aDriverWithoutSqlite3mcIsRefused() {
        Connection plain = fakeConnection(new SQLException(
                "[SQLITE_ERROR] SQL error or missing database (no such function: sqlite3mc_version)", null, 1));
        assertThatThrownBy(() -> DriverCheck.verify(plain))
                .isInstanceOf(StorageException.class)
                .hasMessage(DriverCheck.MISSING)
                .hasMessageContaining("will not store data unencrypted");
    }

    private static Connection fakeConnection(SQLException failure) {
        Statement statement = (Statement) Proxy.newProxyInstance(DriverCheckTest.class.getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("executeQuery")) {
                        throw failure;
                    }
                    return null;
                });
        return (Connection) Proxy.newProxyInstance(DriverCheckTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("createStatement") ? statement : null);
    }
}
