package org.jiraq.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** Environments for running the sample in tests: the simulator demo, its management server on a free port. */
final class SampleEnv {

    private SampleEnv() {
    }

    static Map<String, String> simulatorDemo() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Map.of("SAMPLE_MANAGEMENT_PORT", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
