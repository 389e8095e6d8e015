package dev.serialscope.probe.jackson;

import static dev.serialscope.probe.framework.LibraryShape.has;
import static dev.serialscope.probe.framework.LibraryShape.missing;
import static dev.serialscope.probe.framework.LibraryShape.publicMethod;
import static dev.serialscope.probe.framework.LibraryShape.skip;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.framework.FrameworkInstrumentation;
import dev.serialscope.probe.framework.RangeReadAdvice;
import dev.serialscope.probe.framework.Sites;
import dev.serialscope.probe.framework.SourceReadAdvice;
import dev.serialscope.probe.framework.StreamReadAdvice;
import dev.serialscope.probe.framework.StreamWriteAdvice;
import dev.serialscope.probe.framework.TargetWriteAdvice;
import dev.serialscope.probe.framework.TracedAs;
import dev.serialscope.probe.framework.ValueWriteAdvice;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/** Jackson 2 databind: ObjectMapper and ObjectWriter writes, ObjectMapper and ObjectReader reads. */
public final class JacksonInstrumentation extends FrameworkInstrumentation {

    private static final String MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";
    private static final String WRITER = "com.fasterxml.jackson.databind.ObjectWriter";
    private static final String READER = "com.fasterxml.jackson.databind.ObjectReader";

    public JacksonInstrumentation() {
        super("Jackson", "jackson");
    }

    @Override
    protected void instrument(ProbeCore core, Sites sites) {
        AgentBuilder.Transformer writes = (type, description, loader, module, domain) -> writes(type, description, sites);
        AgentBuilder.Transformer reads = (type, description, loader, module, domain) -> reads(type, description, sites);
        core.transform(MAPPER, writes);
        core.transform(WRITER, writes);
        core.transform(MAPPER, reads);
        core.transform(READER, reads);
    }

    @Override
    protected TracedAs tracedAs() {
        return TracedAs.GENERATOR_POSITION;
    }

    @Override
    protected void traceAdvice(Map<String, AgentBuilder.Transformer> advice) {
        advice.put("com.fasterxml.jackson.databind.ser.BeanPropertyWriter", (builder, type, loader, module, domain) ->
                builder.visit(Advice.to(JacksonTracePropertyAdvice.class).on(publicMethod().and(named("serializeAsField"))
                        .and(takesArguments(3)).and(takesArgument(1, named("com.fasterxml.jackson.core.JsonGenerator"))))));
        advice.put("com.fasterxml.jackson.core.json.JsonWriteContext", (builder, type, loader, module, domain) ->
                builder.visit(Advice.to(JacksonTraceValueAdvice.class).on(publicMethod()
                        .and(named("createChildObjectContext").or(named("createChildArrayContext")))
                        .and(takesArguments(Object.class)))));
    }

    private static DynamicType.Builder<?> writes(DynamicType.Builder<?> builder, TypeDescription type, Sites sites) {
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
        String missing = missing(
                has(methods, "byte[] writeValueAsBytes(Object)", asBytes),
                has(methods, "String writeValueAsString(Object)", asString),
                has(methods, "writeValue(OutputStream, Object)", toStream));
        if (missing != null) {
            return skip(builder, "Jackson", type, missing);
        }
        return builder
                .visit(sites.advice(ValueWriteAdvice.class, Sites.WRITE_BYTES_RESULT).on(asBytes))
                .visit(sites.advice(ValueWriteAdvice.class, Sites.WRITE_STRING_RESULT).on(asString))
                .visit(sites.advice(StreamWriteAdvice.class, Sites.WRITE_STREAM).on(toStream))
                .visit(sites.advice(TargetWriteAdvice.class, Sites.WRITE_FILE).on(toFile))
                .visit(sites.advice(TargetWriteAdvice.class, Sites.WRITE_OTHER).on(toOther));
    }

    private static DynamicType.Builder<?> reads(DynamicType.Builder<?> builder, TypeDescription type, Sites sites) {
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
        String missing = missing(
                has(methods, mapper ? "readValue(byte[], Class)" : "readValue(byte[])",
                        bytes.and(mapper ? takesArgument(1, Class.class) : takesArguments(1))),
                has(methods, mapper ? "readValue(InputStream, Class)" : "readValue(InputStream)",
                        stream.and(mapper ? takesArgument(1, Class.class) : takesArguments(1))),
                has(methods, mapper ? "readValue(String, Class)" : "readValue(String)",
                        string.and(mapper ? takesArgument(1, Class.class) : takesArguments(1))));
        if (missing != null) {
            return skip(builder, "Jackson", type, missing);
        }
        return builder
                .visit(sites.advice(SourceReadAdvice.class, Sites.READ_BYTES).on(bytes))
                .visit(sites.advice(RangeReadAdvice.class, Sites.READ_BYTES_RANGE).on(range))
                .visit(sites.advice(SourceReadAdvice.class, Sites.READ_STRING).on(string))
                .visit(sites.advice(StreamReadAdvice.class, Sites.READ_STREAM).on(stream))
                .visit(sites.advice(SourceReadAdvice.class, Sites.READ_FILE).on(file))
                .visit(sites.advice(SourceReadAdvice.class, Sites.READ_OTHER).on(other));
    }
}
