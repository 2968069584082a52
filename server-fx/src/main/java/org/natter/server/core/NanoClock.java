package org.natter.server.core;

/** Monotonic time for the flood limit; a test passes a clock it moves by hand. */
@FunctionalInterface
interface NanoClock {

    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
