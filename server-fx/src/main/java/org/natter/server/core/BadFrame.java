package org.natter.server.core;

import org.natter.common.protocol.ProtocolException;

/** A line that could not be read as a client frame; passed down the pipeline so the logic stage can answer it. */
record BadFrame(ProtocolException problem) {
}
