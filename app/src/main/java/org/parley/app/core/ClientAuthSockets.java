package org.parley.app.core;

import java.io.IOException;
import java.net.InetAddress;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLServerSocket;

/** Server sockets that require the client's certificate (its fingerprint is pinned, RFC 4975 §14.1). */
final class ClientAuthSockets extends ServerSocketFactory {
    private final ServerSocketFactory inner;

    ClientAuthSockets(ServerSocketFactory inner) {
        this.inner = inner;
    }

    private static java.net.ServerSocket require(java.net.ServerSocket s) {
        if (s instanceof SSLServerSocket tls) {
            tls.setNeedClientAuth(true);
        }
        return s;
    }

    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
        return require(inner.createServerSocket());
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
        return require(inner.createServerSocket(port));
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return require(inner.createServerSocket(port, backlog));
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return require(inner.createServerSocket(port, backlog, address));
    }
}
