package dev.serialscope.bench;

import java.nio.file.Path;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The floor of {@code serialscope summary}: the JDK's own parser ({@link RecordingFile}, which summary streams the
 * file with) reading every event and touching nothing but its type. Unlike {@code jfr summary}, which reads only the
 * size and type of each event, this decodes every field, as any summary of field values must.
 *
 * <pre>java -cp bench/target/serialscope-bench.jar dev.serialscope.bench.JdkRead FILE</pre>
 */
public final class JdkRead {

    private JdkRead() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: JdkRead FILE");
            System.exit(2);
        }
        long started = System.nanoTime();
        long count = 0;
        long serialScope = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                count++;
                if (event.getEventType().getName().startsWith("serialscope.")) {
                    serialScope++;
                }
            }
        }
        System.out.printf("%d events (%d SerialScope) read in %.2f s%n", count, serialScope,
                (System.nanoTime() - started) / 1e9);
    }
}
