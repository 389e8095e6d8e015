package dev.serialscope.bench;

import dev.serialscope.events.SerializationEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the agent's per-call work is made of, one part at a time: the floor under the production
 * profile's cost per call. Every measured call reads the clock twice (its duration feeds the
 * statistics and the duration threshold), begins its reused per-call event (the start time of
 * the event, should the call pass the threshold) and looks up its thread's call frames once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathPartsBenchmark {

    private static final ThreadLocal<Object> FRAMES = ThreadLocal.withInitial(Object::new);
    private final SerializationEvent event = new SerializationEvent();

    @Benchmark
    public long clockRead() {
        return System.nanoTime();
    }

    @Benchmark
    public void eventBegin() {
        event.begin();
    }

    @Benchmark
    public Object threadLocalLookup() {
        return FRAMES.get();
    }
}
