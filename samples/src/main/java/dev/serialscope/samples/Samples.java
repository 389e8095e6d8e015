package dev.serialscope.samples;

import dev.serialscope.samples.frameworks.SharedCatalogOrders;
import java.util.List;

/**
 * Lists the samples. Each is a runnable main that finishes by itself in a few seconds and prints
 * one summary line; record one with the agent to see what SerialScope reports about it.
 */
public final class Samples {

    /** One sample program and the serialization habit it demonstrates. */
    record Sample(Class<?> mainClass, String demonstrates) {
    }

    static final List<Sample> ALL = List.of(
            new Sample(PipeTaskShipping.class,
                    "tasks sent to a child JVM over its stdin pipe, each dragging the same ~270 KB config"),
            new Sample(FreshStreamPerMessage.class,
                    "a new ObjectOutputStream per tiny socket message: stream header and class descriptors every time"),
            new Sample(CleanMessaging.class,
                    "one long-lived stream over a socket, small distinct messages, occasional reset(): nothing to flag"),
            new Sample(GrowingPayload.class,
                    "a session replicated after every request while its history grows: ever larger payloads"),
            new Sample(RepeatedObject.class,
                    "the same object deep-copied through serialization again and again"),
            new Sample(CapturingLambda.class,
                    "serializable lambdas that capture their enclosing job, and with it a 200 KB cache"),
            new Sample(RmiRepeatedArgument.class,
                    "an RMI client that passes the same ~250 KB rate table with every remote call"),
            new Sample(ChattySocket.class,
                    "an ObjectOutputStream straight on a socket stream: dozens of tiny socket writes per message"),
            new Sample(GadgetOnSocket.class,
                    "quotes read from a socket without a serial filter, and among them one gadget-class object"),
            new Sample(QuoteFeed.class,
                    "batches of quotes read from a socket under the JVM-wide filter alone: write it with serialscope filter"),
            new Sample(SharedCatalogOrders.class,
                    "Kryo and Jackson orders, every 50th dragging the same 70 KB product catalog along"));

    private Samples() {
    }

    public static void main(String[] args) {
        System.out.println("Run one with: java -cp <samples jar> <class>");
        for (Sample sample : ALL) {
            System.out.printf("  %-48s %s%n", sample.mainClass().getName(), sample.demonstrates());
        }
    }
}
