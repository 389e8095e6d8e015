package dev.serialscope.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.parser.IEventSink;
import org.openjdk.jmc.flightrecorder.parser.IEventSinkFactory;
import org.openjdk.jmc.flightrecorder.parser.IParserExtension;
import org.openjdk.jmc.flightrecorder.parser.ParserExtensionRegistry;
import org.openjdk.jmc.flightrecorder.parser.ValueField;

/**
 * The baseline of {@code serialscope analyze}: JMC's parser on a recording, keeping only the event types the
 * SerialScope rules read (every other event is parsed and dropped at the sink, so it is neither stored nor
 * sorted), then one pass over the loaded items. No rules run.
 *
 * <pre>java -cp bench/target/serialscope-bench.jar dev.serialscope.bench.BareParse FILE [--all]</pre>
 */
public final class BareParse {

    /** The types the SerialScope rules read (SerialScopeEvents in the rules module). */
    static final Set<String> SERIALSCOPE_TYPES = Set.of("serialscope.Serialization", "serialscope.Deserialization",
            "serialscope.SerializationStatistics", "serialscope.SerializationComposition",
            "serialscope.ChannelStatistics", "serialscope.ChannelIO", "serialscope.RmiCall");

    private BareParse() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BareParse FILE [--all]");
            System.exit(2);
        }
        boolean all = args.length > 1 && args[1].equals("--all");
        List<IParserExtension> extensions = new ArrayList<>();
        if (!all) {
            extensions.add(new KeepOnly(SERIALSCOPE_TYPES));
        }
        extensions.addAll(ParserExtensionRegistry.getParserExtensions());
        long started = System.nanoTime();
        IItemCollection items = JfrLoaderToolkit.loadEvents(List.of(new File(args[0])), extensions);
        long count = 0;
        for (IItemIterable batch : items) {
            count += batch.getItemCount();
        }
        System.out.printf("%d events loaded in %.2f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    /** The outermost sink factory: events of other types go to a sink that drops them. */
    static final class KeepOnly implements IParserExtension {
        private final Set<String> types;

        KeepOnly(Set<String> types) {
            this.types = types;
        }

        @Override
        public IEventSinkFactory getEventSinkFactory(IEventSinkFactory next) {
            return new IEventSinkFactory() {
                @Override
                public IEventSink create(String identifier, String label, String[] category, String description,
                        List<ValueField> fields) {
                    if (types.contains(identifier)) {
                        return next.create(identifier, label, category, description, fields);
                    }
                    return values -> {
                        // dropped
                    };
                }

                @Override
                public void flush() {
                    next.flush();
                }
            };
        }
    }
}
