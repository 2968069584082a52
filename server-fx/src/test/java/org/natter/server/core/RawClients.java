package org.natter.server.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The raw clients one test opened, each connected and past its {@code welcome}; closed together after the test. */
final class RawClients implements AutoCloseable {

    private final List<RawClient> open = new ArrayList<>();

    /** A new connection to {@code port} whose welcome has been read. */
    RawClient connect(int port) throws IOException {
        RawClient client = new RawClient(port);
        open.add(client);
        return client.welcomed();
    }

    /** A new connection logged in as {@code name} with protocol {@code version}. */
    RawClient login(int port, String name, int version) throws IOException {
        RawClient client = connect(port);
        client.logInAs(name, version);
        return client;
    }

    /** Every client opened so far, in order. */
    List<RawClient> all() {
        return List.copyOf(open);
    }

    @Override
    public void close() throws IOException {
        for (RawClient client : open) {
            client.close();
        }
    }
}
