package dev.serialscope.jmc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.example.shop.Shop;

import dev.serialscope.events.DeserializationEvent;
import dev.serialscope.events.SerializationEvent;
import dev.serialscope.events.SerializationStatisticsEvent;
import dev.serialscope.probe.standin.AgentStandIn;
import jdk.jfr.Recording;

/**
 * A real recording of real serialization calls, written once per test JVM with the SerialScope event classes
 * (see {@link AgentStandIn}) and JFR's own {@link Recording}.
 */
public final class SampleRecording {

    private static Path recording;

    private SampleRecording() {
    }

    public static synchronized Path get() {
        if (recording == null) {
            recording = record(TestOutput.directory().resolve("recordings").resolve("shop.jfr"));
        }
        return recording;
    }

    private static Path record(Path file) {
        try (Recording jfr = new Recording()) {
            jfr.enable(SerializationEvent.class).withStackTrace();
            jfr.enable(DeserializationEvent.class).withStackTrace();
            jfr.enable(SerializationStatisticsEvent.class);
            jfr.start();
            Shop.run();
            AgentStandIn.flushStatistics();
            jfr.stop();
            Files.createDirectories(file.getParent());
            jfr.dump(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
