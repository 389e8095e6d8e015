package dev.serialscope.probe.frameworks;

import static dev.serialscope.boot.FrameworkBridge.JACKSON;
import static dev.serialscope.boot.FrameworkBridge.KRYO;
import static dev.serialscope.boot.FrameworkBridge.PROTOBUF;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.serialscope.boot.FrameworkBridge;
import dev.serialscope.probe.frameworks.advice.KryoReadAdvice;
import dev.serialscope.probe.frameworks.advice.KryoWriteAdvice;
import dev.serialscope.probe.frameworks.advice.MessageStreamWriteAdvice;
import dev.serialscope.probe.frameworks.advice.MessageWriteAdvice;
import dev.serialscope.probe.frameworks.advice.RangeReadAdvice;
import dev.serialscope.probe.frameworks.advice.Site;
import dev.serialscope.probe.frameworks.advice.SourceReadAdvice;
import dev.serialscope.probe.frameworks.advice.StreamReadAdvice;
import dev.serialscope.probe.frameworks.advice.StreamWriteAdvice;
import dev.serialscope.probe.frameworks.advice.TargetWriteAdvice;
import dev.serialscope.probe.frameworks.advice.ValueWriteAdvice;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.ByteBuffer;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Instruments Kryo 5, Jackson 2 databind and Protobuf 3/4 (protobuf-java) by class and method
 * name only: the agent has no dependency on them and does nothing when they are absent. Each
 * library class is checked for the members the advice relies on before it is touched; a class that
 * lacks any of them (another major version) is left alone, with one line on standard error.
 */
public final class FrameworkInstaller {

    private static final String[] KRYO_CLASSES = {"com.esotericsoftware.kryo.Kryo", "com.esotericsoftware.kryo.kryo5.Kryo"};
    private static final String MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";
    private static final String WRITER = "com.fasterxml.jackson.databind.ObjectWriter";
    private static final String READER = "com.fasterxml.jackson.databind.ObjectReader";
    private static final String MESSAGE = "com.google.protobuf.AbstractMessageLite";
    private static final String PARSER = "com.google.protobuf.AbstractParser";
    private static final String BYTE_STRING = "com.google.protobuf.ByteString";

    private static final Set<String> NOTICES = ConcurrentHashMap.newKeySet();

    private FrameworkInstaller() {
    }

    /** Installs the bridge's hooks and the advice; classes already loaded (attach) are retransformed. */
    public static void install(Instrumentation instrumentation, FrameworkRecording recording) {
        FrameworkBridge.install(FaultInjection.wrapIfRequested(new FrameworkProbe(recording)));
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new Failures(recording))
                .ignore(not(nameStartsWith("com.esotericsoftware.kryo.")
                        .or(nameStartsWith("com.fasterxml.jackson.databind.Object"))
                        .or(nameStartsWith("com.google.protobuf.Abstract"))))
                .type(named(KRYO_CLASSES[0]).or(named(KRYO_CLASSES[1])))
                .transform(FrameworkInstaller::kryo)
                .type(named(MAPPER).or(named(WRITER)))
                .transform(FrameworkInstaller::jacksonWrites)
                .type(named(MAPPER).or(named(READER)))
                .transform(FrameworkInstaller::jacksonReads)
                .type(named(MESSAGE))
                .transform(FrameworkInstaller::protobufMessage)
                .type(named(PARSER))
                .transform(FrameworkInstaller::protobufParser)
                .installOn(instrumentation);
    }

    // ---- Kryo 5: com.esotericsoftware.kryo.Kryo (and the relocated kryo5 artifact)

    private static DynamicType.Builder<?> kryo(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        String io = type.getPackage().getName() + ".io.";
        ElementMatcher.Junction<MethodDescription> writes = publicMethod()
                .and(named("writeClassAndObject").or(named("writeObject")).or(named("writeObjectOrNull")))
                .and(takesArgument(0, named(io + "Output")));
        ElementMatcher.Junction<MethodDescription> reads = publicMethod()
                .and(named("readClassAndObject").or(named("readObject")).or(named("readObjectOrNull")))
                .and(takesArgument(0, named(io + "Input")));
        MethodList<MethodDescription.InDefinedShape> methods = type.getDeclaredMethods();
        String missing = missing(Arrays.asList(
                hasField(type, "depth", int.class),
                has(methods, "writeClassAndObject(Output, Object)", writes.and(named("writeClassAndObject")).and(takesArguments(2))),
                has(methods, "writeObject(Output, Object)", writes.and(named("writeObject")).and(takesArguments(2))),
                has(methods, "readClassAndObject(Input)", reads.and(named("readClassAndObject")).and(takesArguments(1))),
                has(methods, "readObject(Input, Class)", reads.and(named("readObject")).and(takesArguments(2))),
                hasNoArgMethod(methods.filter(named("writeObject").and(takesArguments(2))), 0, "total", "Output.total()"),
                hasNoArgMethod(methods.filter(named("readClassAndObject").and(takesArguments(1))), 0, "total", "Input.total()")));
        if (missing != null) {
            return skip(builder, "Kryo", type, missing);
        }
        return builder
                .visit(advice(KryoWriteAdvice.class, KRYO, FrameworkBridge.WRITE_KRYO).on(writes.and(takesArgument(1, Object.class))))
                .visit(advice(KryoReadAdvice.class, KRYO, FrameworkBridge.READ_KRYO).on(reads));
    }

    // ---- Jackson 2 databind: ObjectMapper, ObjectWriter, ObjectReader

    private static DynamicType.Builder<?> jacksonWrites(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        ElementMatcher.Junction<MethodDescription> asBytes = publicMethod().and(named("writeValueAsBytes"))
                .and(takesArguments(Object.class)).and(returns(byte[].class));
        ElementMatcher.Junction<MethodDescription> asString = publicMethod().and(named("writeValueAsString"))
                .and(takesArguments(Object.class)).and(returns(String.class));
        ElementMatcher.Junction<MethodDescription> writeValue = publicMethod().and(named("writeValue"))
                .and(takesArguments(2)).and(takesArgument(1, Object.class));
        ElementMatcher.Junction<MethodDescription> toStream = writeValue.and(takesArgument(0, OutputStream.class));
        ElementMatcher.Junction<MethodDescription> toFile = writeValue.and(takesArgument(0, File.class));
        ElementMatcher.Junction<MethodDescription> toOther = writeValue
                .and(not(takesArgument(0, OutputStream.class))).and(not(takesArgument(0, File.class)));
        MethodList<MethodDescription.InDefinedShape> methods = type.getDeclaredMethods();
        String missing = missing(Arrays.asList(
                has(methods, "byte[] writeValueAsBytes(Object)", asBytes),
                has(methods, "String writeValueAsString(Object)", asString),
                has(methods, "writeValue(OutputStream, Object)", toStream)));
        if (missing != null) {
            return skip(builder, "Jackson", type, missing);
        }
        return builder
                .visit(advice(ValueWriteAdvice.class, JACKSON, FrameworkBridge.WRITE_BYTES_RESULT).on(asBytes))
                .visit(advice(ValueWriteAdvice.class, JACKSON, FrameworkBridge.WRITE_STRING_RESULT).on(asString))
                .visit(advice(StreamWriteAdvice.class, JACKSON, FrameworkBridge.WRITE_STREAM).on(toStream))
                .visit(advice(TargetWriteAdvice.class, JACKSON, FrameworkBridge.WRITE_FILE).on(toFile))
                .visit(advice(TargetWriteAdvice.class, JACKSON, FrameworkBridge.WRITE_OTHER).on(toOther));
    }

    private static DynamicType.Builder<?> jacksonReads(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        ElementMatcher.Junction<MethodDescription> read = publicMethod().and(named("readValue").or(named("readTree")))
                .and(not(takesArguments(0)));
        ElementMatcher.Junction<MethodDescription> range = read.and(takesArgument(0, byte[].class))
                .and(takesArgument(1, int.class)).and(takesArgument(2, int.class));
        ElementMatcher.Junction<MethodDescription> bytes = read.and(takesArgument(0, byte[].class)).and(not(range));
        ElementMatcher.Junction<MethodDescription> string = read.and(takesArgument(0, String.class));
        ElementMatcher.Junction<MethodDescription> stream = read.and(takesArgument(0, InputStream.class));
        ElementMatcher.Junction<MethodDescription> file = read.and(takesArgument(0, File.class));
        // Parsers, Readers, DataInput, URLs, trees: bytes unknown, but the calls are counted and nested calls stay nested.
        ElementMatcher.Junction<MethodDescription> other = read.and(not(bytes)).and(not(range)).and(not(string))
                .and(not(stream)).and(not(file));
        MethodList<MethodDescription.InDefinedShape> methods = type.getDeclaredMethods();
        boolean mapper = type.getName().equals(MAPPER);
        String missing = missing(Arrays.asList(
                has(methods, mapper ? "readValue(byte[], Class)" : "readValue(byte[])",
                        bytes.and(mapper ? takesArgument(1, Class.class) : takesArguments(1))),
                has(methods, mapper ? "readValue(InputStream, Class)" : "readValue(InputStream)",
                        stream.and(mapper ? takesArgument(1, Class.class) : takesArguments(1))),
                has(methods, mapper ? "readValue(String, Class)" : "readValue(String)",
                        string.and(mapper ? takesArgument(1, Class.class) : takesArguments(1)))));
        if (missing != null) {
            return skip(builder, "Jackson", type, missing);
        }
        return builder
                .visit(advice(SourceReadAdvice.class, JACKSON, FrameworkBridge.READ_BYTES).on(bytes))
                .visit(advice(RangeReadAdvice.class, JACKSON, FrameworkBridge.READ_BYTES_RANGE).on(range))
                .visit(advice(SourceReadAdvice.class, JACKSON, FrameworkBridge.READ_STRING).on(string))
                .visit(advice(StreamReadAdvice.class, JACKSON, FrameworkBridge.READ_STREAM).on(stream))
                .visit(advice(SourceReadAdvice.class, JACKSON, FrameworkBridge.READ_FILE).on(file))
                .visit(advice(SourceReadAdvice.class, JACKSON, FrameworkBridge.READ_OTHER).on(other));
    }

    // ---- Protobuf 3/4 (protobuf-java): AbstractMessageLite writes, AbstractParser reads

    private static DynamicType.Builder<?> protobufMessage(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        ElementMatcher.Junction<MethodDescription> toByteArray = publicMethod().and(named("toByteArray"))
                .and(takesArguments(0)).and(returns(byte[].class));
        ElementMatcher.Junction<MethodDescription> toByteString = publicMethod().and(named("toByteString"))
                .and(takesArguments(0)).and(returns(named(BYTE_STRING)));
        ElementMatcher.Junction<MethodDescription> toStream = publicMethod()
                .and(named("writeTo").or(named("writeDelimitedTo"))).and(takesArguments(OutputStream.class));
        MethodList<MethodDescription.InDefinedShape> methods = type.getDeclaredMethods();
        String missing = missing(Arrays.asList(
                has(methods, "byte[] toByteArray()", toByteArray),
                has(methods, "ByteString toByteString()", toByteString),
                has(methods, "writeTo(OutputStream)", toStream.and(named("writeTo"))),
                hasNoArgReturnMethod(methods.filter(toByteString), "size", "ByteString.size()")));
        if (missing != null) {
            return skip(builder, "Protobuf", type, missing);
        }
        return builder
                .visit(advice(MessageWriteAdvice.class, PROTOBUF, FrameworkBridge.WRITE_BYTES_RESULT).on(toByteArray))
                .visit(advice(MessageWriteAdvice.class, PROTOBUF, FrameworkBridge.WRITE_BYTESTRING_RESULT).on(toByteString))
                .visit(advice(MessageStreamWriteAdvice.class, PROTOBUF, FrameworkBridge.WRITE_STREAM).on(toStream));
    }

    private static DynamicType.Builder<?> protobufParser(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        // The typed overloads only: the erased bridge methods call them and would count twice.
        ElementMatcher.Junction<MethodDescription> parse = publicMethod().and(not(isBridge()))
                .and(nameStartsWith("parse").and(named("parseFrom").or(named("parsePartialFrom"))
                        .or(named("parseDelimitedFrom")).or(named("parsePartialDelimitedFrom"))));
        ElementMatcher.Junction<MethodDescription> range = parse.and(takesArgument(0, byte[].class))
                .and(takesArgument(1, int.class)).and(takesArgument(2, int.class));
        ElementMatcher.Junction<MethodDescription> bytes = parse.and(takesArgument(0, byte[].class)).and(not(range));
        ElementMatcher.Junction<MethodDescription> byteString = parse.and(takesArgument(0, named(BYTE_STRING)));
        ElementMatcher.Junction<MethodDescription> byteBuffer = parse.and(takesArgument(0, ByteBuffer.class));
        ElementMatcher.Junction<MethodDescription> stream = parse.and(takesArgument(0, InputStream.class));
        MethodList<MethodDescription.InDefinedShape> methods = type.getDeclaredMethods();
        String missing = missing(Arrays.asList(
                has(methods, "parseFrom(byte[])", bytes.and(named("parseFrom")).and(takesArguments(1))),
                has(methods, "parseFrom(InputStream)", stream.and(named("parseFrom")).and(takesArguments(1))),
                has(methods, "parseFrom(ByteString)", byteString.and(named("parseFrom")).and(takesArguments(1)))));
        if (missing != null) {
            return skip(builder, "Protobuf", type, missing);
        }
        return builder
                .visit(advice(SourceReadAdvice.class, PROTOBUF, FrameworkBridge.READ_BYTES).on(bytes))
                .visit(advice(RangeReadAdvice.class, PROTOBUF, FrameworkBridge.READ_BYTES_RANGE).on(range))
                .visit(advice(SourceReadAdvice.class, PROTOBUF, FrameworkBridge.READ_BYTESTRING).on(byteString))
                .visit(advice(SourceReadAdvice.class, PROTOBUF, FrameworkBridge.READ_BYTEBUFFER).on(byteBuffer))
                .visit(advice(StreamReadAdvice.class, PROTOBUF, FrameworkBridge.READ_STREAM).on(stream));
    }

    // ---- helpers

    private static ElementMatcher.Junction<MethodDescription> publicMethod() {
        return isPublic().and(not(isStatic()));
    }

    private static Advice advice(Class<?> adviceClass, int framework, int kind) {
        return Advice.withCustomMapping().bind(Site.class, FrameworkBridge.site(framework, kind)).to(adviceClass);
    }

    /** The first missing member, or null when all are there. */
    private static String missing(List<String> checks) {
        for (String check : checks) {
            if (check != null) {
                return check;
            }
        }
        return null;
    }

    private static String has(MethodList<MethodDescription.InDefinedShape> methods, String what,
                              ElementMatcher<? super MethodDescription.InDefinedShape> matcher) {
        return methods.filter(matcher).isEmpty() ? what : null;
    }

    private static String hasField(TypeDescription type, String name, Class<?> fieldType) {
        for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
            if (field.getName().equals(name) && !field.isStatic() && field.getType().asErasure().represents(fieldType)) {
                return null;
            }
        }
        return fieldType.getName() + " " + name;
    }

    /** Whether the type of parameter {@code index} of the (first) method has a public long {@code name}() (declared or inherited). */
    private static String hasNoArgMethod(MethodList<MethodDescription.InDefinedShape> candidates, int index, String name,
                                         String what) {
        if (candidates.isEmpty()) {
            return what;
        }
        TypeDescription parameterType = candidates.getOnly().getParameters().get(index).getType().asErasure();
        return publicNoArg(parameterType, name, "long") ? null : what;
    }

    private static String hasNoArgReturnMethod(MethodList<MethodDescription.InDefinedShape> candidates, String name,
                                               String what) {
        if (candidates.isEmpty()) {
            return what;
        }
        return publicNoArg(candidates.getOnly().getReturnType().asErasure(), name, "int") ? null : what;
    }

    private static boolean publicNoArg(TypeDescription type, String name, String returnType) {
        for (TypeDescription.Generic current = type.asGenericType(); current != null; current = current.getSuperClass()) {
            for (MethodDescription method : current.asErasure().getDeclaredMethods()) {
                if (method.getName().equals(name) && method.isPublic() && method.getParameters().isEmpty()
                        && method.getReturnType().asErasure().getName().equals(returnType)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static DynamicType.Builder<?> skip(DynamicType.Builder<?> builder, String library, TypeDescription type,
                                               String missing) {
        if (NOTICES.add(type.getName())) {
            System.err.println("[serialscope] " + library + " calls through " + type.getName()
                    + " are not recorded: this version lacks " + missing + " (supported: Kryo 5, Jackson 2, Protobuf 3/4)");
        }
        return builder;
    }

    /** A library class we could not instrument is reported once; it goes on working unchanged. */
    private static final class Failures extends AgentBuilder.Listener.Adapter {
        private final FrameworkRecording recording;

        Failures(FrameworkRecording recording) {
            this.recording = recording;
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            recording.report("instrumentation of " + typeName, throwable);
        }
    }
}
