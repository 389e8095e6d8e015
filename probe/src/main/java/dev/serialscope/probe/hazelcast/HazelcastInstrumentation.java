package dev.serialscope.probe.hazelcast;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.serialscope.probe.core.InstrumentationModule;
import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.core.Stores;
import net.bytebuddy.asm.Advice;

/**
 * Hazelcast 5: the conversions of keys and values in its distributed-object proxies (the base class's toData,
 * and a map proxy's own toData, toDataWithStrategy and toObject), so that the serialization calls they make
 * carry the map's name ({@link Stores}).
 */
public final class HazelcastInstrumentation implements InstrumentationModule {

    @Override
    public String name() {
        return "Hazelcast";
    }

    @Override
    public void install(ProbeCore core) {
        Advice conversion = Advice.to(ProxyConversionAdvice.class);
        core.transform("com.hazelcast.spi.impl.AbstractDistributedObject", (builder, type, loader, module, domain) ->
                builder.visit(conversion.on(named("toData").and(takesArgument(0, Object.class)))));
        core.transform("com.hazelcast.map.impl.proxy.MapProxySupport", (builder, type, loader, module, domain) ->
                builder.visit(conversion.on(named("toData").or(named("toDataWithStrategy")).or(named("toObject"))
                        .and(takesArgument(0, Object.class)))));
        core.recording().onChange(() -> Stores.activate(core.recording()));
    }
}
