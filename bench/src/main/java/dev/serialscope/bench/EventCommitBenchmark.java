package dev.serialscope.bench;

import dev.serialscope.events.SerializationEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One serialscope.Serialization event, written the way the agent writes it at the end of a call
 * (its reused event: begin, end, the fields, commit), with no agent and no serialization around it.
 * The fork's recording decides what a commit costs: OverheadRunner runs it with the event disabled
 * (the baseline: the same work minus the event), enabled without and enabled with a stack trace.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventCommitBenchmark {

    /** Frames between JMH's benchmark method and the commit: a stack trace walks them all. */
    @Param({"20"})
    public int depth;

    private final SerializationEvent event = new SerializationEvent();
    private final Payloads.Quote root = Payloads.quote();
    private long callId;

    @Benchmark
    public long commit() {
        return commitBelow(depth);
    }

    private long commitBelow(int frames) {
        return frames == 0 ? commitOne() : commitBelow(frames - 1);
    }

    private long commitOne() {
        event.begin();
        event.end();
        event.framework = "java";
        event.rootClass = root.getClass();
        event.bytes = 82;
        event.objects = 1;
        event.classDescriptors = 1;
        event.classDescriptorBytes = 60;
        event.identity = System.identityHashCode(root);
        event.contentHash = 0;
        event.channel = "memory";
        event.streamId = System.identityHashCode(this);
        event.callId = ++callId;
        event.failure = null;
        event.commit();
        event.rootClass = null; // the agent lets go of the class between calls
        return event.callId;
    }
}
