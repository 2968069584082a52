package org.natter.client.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a client and a server on loopback that can fake a half-open connection: {@link #dropClients()}
 * hangs up on the clients while the server's side of each connection stays open, as when a laptop loses its network
 * and the server has not noticed yet. The server keeps those sessions until {@link #releaseHeld()} closes them.
 * {@link #cutClients()} closes both sides instead, and while {@link #refuse refusing} every new connection is hung up
 * at once, so a client stays away (reconnecting) until the test lets it back.
 */
final class HalfOpenProxy implements AutoCloseable {

    private record Pair(Socket client, Socket server) { }

    private final ServerSocket listener;
    private final int serverPort;
    private final List<Pair> open = new CopyOnWriteArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    HalfOpenProxy(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every client's side; the server's sides stay open and silent. */
    void dropClients() {
        for (Pair pair : open) {
            open.remove(pair);
            held.add(pair.server());
            closeQuietly(pair.client());
        }
    }

    /** While true, new connections are closed as soon as they are accepted. */
    void refuse(boolean value) {
        refusing = value;
    }

    /** Closes both sides of every relayed connection: the server ends those sessions at once. */
    void cutClients() {
        for (Pair pair : open) {
            open.remove(pair);
            closeQuietly(pair.client());
            closeQuietly(pair.server());
        }
    }

    /** Closes the server's sides kept by {@link #dropClients()}, so the server ends those sessions. */
    void releaseHeld() {
        for (Socket socket : held) {
            held.remove(socket);
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        dropClients();
        releaseHeld();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                Pair pair = new Pair(client, server);
                open.add(pair);
                pump(client, server, pair, "up");
                pump(server, client, pair, "down");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, Pair pair, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side went away.
            }
            // A held server side stays open: only a pair still relaying is closed as a whole.
            if (open.remove(pair)) {
                closeQuietly(pair.client());
                closeQuietly(pair.server());
            }
        }, "test-proxy-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is wanted.
        }
    }
}
