package dev.serialscope.e2e.programs;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * The child process of {@link Channels}: reads one object from its stdin and writes it back to
 * its stdout, so the parent sees a process pipe in both directions and this JVM sees its own
 * standard streams. stdout carries serialized data only.
 */
public final class PipeEcho {

    private PipeEcho() {
    }

    public static void main(String[] args) throws Exception {
        Object[] received = new Object[1];
        CaseThread.run("stdin", () -> received[0] = new ObjectInputStream(System.in).readObject());
        CaseThread.run("stdout", () -> {
            ObjectOutputStream out = new ObjectOutputStream(System.out);
            out.writeObject(received[0]);
            out.flush();
        });
    }
}
