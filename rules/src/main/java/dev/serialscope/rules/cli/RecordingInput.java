package dev.serialscope.rules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openjdk.jmc.common.io.IOToolkit;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import dev.serialscope.rules.SerialScopeEvents;

/** Checks a recording file before it is read, so that each kind of bad input gets its own message. */
final class RecordingInput {

    /** Every JFR chunk starts with these bytes. */
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    private RecordingInput() {
    }

    /** Fails with a message that says what is wrong with the file and what to do. */
    static void check(Path file) throws CliException {
        if (!Files.exists(file)) {
            throw CliException.input(file + ": no such file; record one with ./serialscope record -o app.jfr -- java "
                    + "-cp app.jar Main");
        }
        if (Files.isDirectory(file)) {
            throw CliException.input(file + " is a directory: give the path of a .jfr recording");
        }
        if (!Files.isReadable(file)) {
            throw CliException.input(file + " cannot be read: check its permissions");
        }
        byte[] start = new byte[MAGIC.length];
        int read;
        try (InputStream in = IOToolkit.openUncompressedStream(file.toFile())) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw CliException.input(file + " cannot be read (" + e.getMessage() + "): check the file");
        }
        if (read == 0) {
            throw CliException.input(file + " is empty: the recording was never written; let the program exit "
                    + "normally, or dump it with jcmd <pid> JFR.dump filename=" + file);
        }
        if (read < MAGIC.length || !java.util.Arrays.equals(start, MAGIC)) {
            throw CliException.input(file + " is not a JFR recording: give a .jfr file written by Flight Recorder");
        }
    }

    /** Checks and parses the file with JMC's parser. */
    static IItemCollection load(Path file) throws CliException {
        check(file);
        try {
            return JfrLoaderToolkit.loadEvents(file.toFile());
        } catch (IOException | CouldNotLoadRecordingException | RuntimeException e) {
            throw new CliException(CliException.INPUT, file + " is truncated or damaged and cannot be parsed ("
                    + e.getClass().getSimpleName() + "): record it again", e);
        }
    }

    static String notSerialScope(Path file) {
        return file + " has no SerialScope events: " + SerialScopeEvents.HOW_TO_RECORD;
    }
}
