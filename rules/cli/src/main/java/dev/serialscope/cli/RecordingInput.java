package dev.serialscope.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.parser.IParserExtension;
import org.openjdk.jmc.flightrecorder.parser.ParserExtensionRegistry;

import dev.serialscope.rules.recording.SerialScopeEvents;

/**
 * Checks a recording file before it is read, so that each kind of bad input gets its own message,
 * and gives every command the same file to read: a gzipped recording is read through an
 * uncompressed temporary copy, deleted when the command ends.
 */
final class RecordingInput {

    /** Every JFR chunk starts with these bytes, then a version and the chunk's size. */
    private static final int CHUNK_MAGIC = 0x464c5200;
    private static final int CHUNK_HEADER = 16;
    private static final int GZIP_MAGIC = 0x1f8b;

    private RecordingInput() {
    }

    /** Returns the path to read the recording from, or fails with what is wrong with it and what to do. */
    static Path readable(Path file) throws CliException {
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
        Path recording = isGzip(file) ? gunzip(file) : file;
        checkChunks(file, recording);
        return recording;
    }

    private static boolean isGzip(Path file) throws CliException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return Files.size(file) >= 2 && in.readUnsignedShort() == GZIP_MAGIC;
        } catch (IOException e) {
            throw CliException.input(file + " cannot be read (" + e.getMessage() + "): check the file");
        }
    }

    private static Path gunzip(Path file) throws CliException {
        try {
            Path copy = Files.createTempFile("serialscope-", ".jfr");
            copy.toFile().deleteOnExit();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw CliException.input(file + " is a damaged gzip file (" + e.getMessage() + "): compress the recording again");
        }
    }

    /** Walks the chunk headers: each must start with the JFR magic and fit in the file. */
    private static void checkChunks(Path file, Path recording) throws CliException {
        try (FileChannel channel = FileChannel.open(recording, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw CliException.input(file + " is empty: the recording was never written; let the program exit "
                        + "normally, or dump it with jcmd <pid> JFR.dump filename=" + file);
            }
            ByteBuffer header = ByteBuffer.allocate(CHUNK_HEADER);
            for (long position = 0; position < size;) {
                header.clear();
                int read = channel.read(header, position);
                boolean magic = read >= 4 && header.getInt(0) == CHUNK_MAGIC;
                if (position == 0 && !magic) {
                    throw CliException.input(file + " is not a JFR recording: give a .jfr file written by Flight Recorder");
                }
                long chunkSize = read == CHUNK_HEADER ? header.getLong(8) : -1;
                if (!magic || chunkSize < CHUNK_HEADER || position + chunkSize > size) {
                    throw CliException.input(file + " is truncated or damaged (its chunk at byte " + position
                            + " is incomplete): record it again, or dump it with jcmd <pid> JFR.dump");
                }
                position += chunkSize;
            }
        } catch (IOException e) {
            throw CliException.input(file + " cannot be read (" + e.getMessage() + "): check the file");
        }
    }

    /** Checks and parses the file with JMC's parser. */
    static IItemCollection load(Path file) throws CliException {
        return load(file, false);
    }

    /**
     * Checks and parses the file with JMC's parser; with {@code serialScopeOnly} other event types are dropped
     * while parsing (see {@link SerialScopeTypesOnly}).
     */
    static IItemCollection load(Path file, boolean serialScopeOnly) throws CliException {
        Path recording = readable(file);
        try {
            if (serialScopeOnly) {
                List<IParserExtension> extensions = new ArrayList<>();
                extensions.add(new SerialScopeTypesOnly());
                extensions.addAll(ParserExtensionRegistry.getParserExtensions());
                return JfrLoaderToolkit.loadEvents(List.of(recording.toFile()), extensions);
            }
            return JfrLoaderToolkit.loadEvents(recording.toFile());
        } catch (IOException | CouldNotLoadRecordingException | RuntimeException e) {
            throw new CliException(CliException.INPUT, file + " is truncated or damaged and cannot be parsed ("
                    + e.getClass().getSimpleName() + "): record it again", e);
        }
    }

    static String notSerialScope(Path file) {
        return file + " has no SerialScope events: " + SerialScopeEvents.HOW_TO_RECORD;
    }
}
