package dev.serialscope.probe.kryo;

import static dev.serialscope.probe.framework.LibraryShape.has;
import static dev.serialscope.probe.framework.LibraryShape.hasField;
import static dev.serialscope.probe.framework.LibraryShape.hasNoArgMethod;
import static dev.serialscope.probe.framework.LibraryShape.missing;
import static dev.serialscope.probe.framework.LibraryShape.publicMethod;
import static dev.serialscope.probe.framework.LibraryShape.skip;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.framework.FrameworkInstrumentation;
import dev.serialscope.probe.framework.Sites;
import dev.serialscope.probe.framework.TracedAs;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/** Kryo 5: com.esotericsoftware.kryo.Kryo, and the relocated kryo5 artifact. */
public final class KryoInstrumentation extends FrameworkInstrumentation {

    public KryoInstrumentation() {
        super("Kryo", "kryo");
    }

    @Override
    protected void instrument(ProbeCore core, Sites sites) {
        AgentBuilder.Transformer kryo = (type, description, loader, module, domain) -> kryo(type, description, sites);
        core.transform("com.esotericsoftware.kryo.Kryo", kryo);
        core.transform("com.esotericsoftware.kryo.kryo5.Kryo", kryo);
    }

    @Override
    protected TracedAs tracedAs() {
        return TracedAs.OUTPUT_TOTAL;
    }

    @Override
    protected void traceAdvice(Map<String, AgentBuilder.Transformer> advice) {
        for (String kryo : List.of("com.esotericsoftware.kryo", "com.esotericsoftware.kryo.kryo5")) {
            advice.put(kryo + ".Kryo", (builder, type, loader, module, domain) -> tracedKryo(builder, type));
            // Object fields, and strings written straight to the Output when ReflectASM or Unsafe access is used.
            for (String writer : List.of("ReflectField", "AsmField$StringAsmField", "UnsafeField$StringUnsafeField")) {
                advice.put(kryo + ".serializers." + writer, (builder, type, loader, module, domain) ->
                        tracedField(builder, type, kryo));
            }
        }
    }

    /** Kryo's write methods (Output first, object second), of every overload. */
    private static ElementMatcher.Junction<MethodDescription> writes(String kryoPackage) {
        return publicMethod()
                .and(named("writeClassAndObject").or(named("writeObject")).or(named("writeObjectOrNull")))
                .and(takesArgument(0, named(kryoPackage + ".io.Output")));
    }

    private static DynamicType.Builder<?> tracedKryo(DynamicType.Builder<?> builder, TypeDescription type) {
        if (hasField(type, "depth", int.class) != null) {
            return builder; // another shape: the measuring advice has said so already
        }
        return builder.visit(Advice.to(KryoTraceObjectAdvice.class)
                .on(writes(type.getPackage().getName()).and(takesArgument(1, Object.class))));
    }

    /** A field writer's write(Output, Object); its field is CachedField's, a superclass. */
    private static DynamicType.Builder<?> tracedField(DynamicType.Builder<?> builder, TypeDescription type, String kryo) {
        boolean shaped = false;
        for (TypeDescription.Generic c = type.getSuperClass(); c != null && !shaped; c = c.asErasure().getSuperClass()) {
            shaped = hasField(c.asErasure(), "field", Field.class) == null;
        }
        if (!shaped) {
            return builder;
        }
        return builder.visit(Advice.to(KryoTraceFieldAdvice.class).on(named("write").and(takesArguments(2))
                .and(takesArgument(0, named(kryo + ".io.Output"))).and(takesArgument(1, Object.class))));
    }

    private static DynamicType.Builder<?> kryo(DynamicType.Builder<?> builder, TypeDescription type, Sites sites) {
        String io = type.getPackage().getName() + ".io.";
        ElementMatcher.Junction<MethodDescription> writes = writes(type.getPackage().getName());
        ElementMatcher.Junction<MethodDescription> reads = publicMethod()
                .and(named("readClassAndObject").or(named("readObject")).or(named("readObjectOrNull")))
                .and(takesArgument(0, named(io + "Input")));
        MethodList<MethodDescription.InDefinedShape> methods = type.getDeclaredMethods();
        String missing = missing(
                hasField(type, "depth", int.class),
                has(methods, "writeClassAndObject(Output, Object)", writes.and(named("writeClassAndObject")).and(takesArguments(2))),
                has(methods, "writeObject(Output, Object)", writes.and(named("writeObject")).and(takesArguments(2))),
                has(methods, "readClassAndObject(Input)", reads.and(named("readClassAndObject")).and(takesArguments(1))),
                has(methods, "readObject(Input, Class)", reads.and(named("readObject")).and(takesArguments(2))),
                hasNoArgMethod(methods.filter(named("writeObject").and(takesArguments(2))), 0, "total", "Output.total()"),
                hasNoArgMethod(methods.filter(named("readClassAndObject").and(takesArguments(1))), 0, "total", "Input.total()"));
        if (missing != null) {
            return skip(builder, "Kryo", type, missing);
        }
        return builder
                .visit(sites.advice(KryoWriteAdvice.class, Sites.WRITE_KRYO).on(writes.and(takesArgument(1, Object.class))))
                .visit(sites.advice(KryoReadAdvice.class, Sites.READ_KRYO).on(reads));
    }
}
