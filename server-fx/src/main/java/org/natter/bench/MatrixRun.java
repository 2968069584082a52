package org.natter.bench;

/**
 * One row of the matrix: a fan-out or login result and the transport its clients used.
 *
 * @param tls the clients spoke TLS 1.3 to a server that refuses plain text; else plain text
 */
record MatrixRun<R>(boolean tls, R result) {

    /** The transport column: "plain" or "TLS". */
    String transport() {
        return tls ? "TLS" : "plain";
    }
}
