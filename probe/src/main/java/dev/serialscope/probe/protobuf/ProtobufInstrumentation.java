package dev.serialscope.probe.protobuf;

import static dev.serialscope.probe.framework.LibraryShape.has;
import static dev.serialscope.probe.framework.LibraryShape.hasNoArgReturnMethod;
import static dev.serialscope.probe.framework.LibraryShape.missing;
import static dev.serialscope.probe.framework.LibraryShape.publicMethod;
import static dev.serialscope.probe.framework.LibraryShape.skip;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.serialscope.probe.core.ProbeCore;
import dev.serialscope.probe.framework.FrameworkInstrumentation;
import dev.serialscope.probe.framework.RangeReadAdvice;
import dev.serialscope.probe.framework.Sites;
import dev.serialscope.probe.framework.TracedAs;
import dev.serialscope.probe.framework.SourceReadAdvice;
import dev.serialscope.probe.framework.StreamReadAdvice;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/** Protobuf 3/4 (protobuf-java): AbstractMessageLite writes, AbstractParser reads. */
public final class ProtobufInstrumentation extends FrameworkInstrumentation {

    private static final String BYTE_STRING = "com.google.protobuf.ByteString";

    public ProtobufInstrumentation() {
        super("Protobuf", "protobuf");
    }

    @Override
    protected TracedAs tracedAs() {
        return TracedAs.MESSAGE_SIZES;
    }

    @Override
    protected void instrument(ProbeCore core, Sites sites) {
        core.transform("com.google.protobuf.AbstractMessageLite",
                (type, description, loader, module, domain) -> message(type, description, sites));
        core.transform("com.google.protobuf.AbstractParser",
                (type, description, loader, module, domain) -> parser(type, description, sites));
    }

    private static DynamicType.Builder<?> message(DynamicType.Builder<?> builder, TypeDescription type, Sites sites) {
        ElementMatcher.Junction<MethodDescription> toByteArray = publicMethod().and(named("toByteArray"))
                .and(takesArguments(0)).and(returns(byte[].class));
        ElementMatcher.Junction<MethodDescription> toByteString = publicMethod().and(named("toByteString"))
                .and(takesArguments(0)).and(returns(named(BYTE_STRING)));
        ElementMatcher.Junction<MethodDescription> toStream = publicMethod()
                .and(named("writeTo").or(named("writeDelimitedTo"))).and(takesArguments(OutputStream.class));
        MethodList<MethodDescription.InDefinedShape> methods = type.getDeclaredMethods();
        String missing = missing(
                has(methods, "byte[] toByteArray()", toByteArray),
                has(methods, "ByteString toByteString()", toByteString),
                has(methods, "writeTo(OutputStream)", toStream.and(named("writeTo"))),
                hasNoArgReturnMethod(methods.filter(toByteString), "size", "ByteString.size()"));
        if (missing != null) {
            return skip(builder, "Protobuf", type, missing);
        }
        return builder
                .visit(sites.advice(MessageWriteAdvice.class, Sites.WRITE_BYTES_RESULT).on(toByteArray))
                .visit(sites.advice(MessageWriteAdvice.class, Sites.WRITE_BYTESTRING_RESULT).on(toByteString))
                .visit(sites.advice(MessageStreamWriteAdvice.class, Sites.WRITE_STREAM).on(toStream));
    }

    private static DynamicType.Builder<?> parser(DynamicType.Builder<?> builder, TypeDescription type, Sites sites) {
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
        String missing = missing(
                has(methods, "parseFrom(byte[])", bytes.and(named("parseFrom")).and(takesArguments(1))),
                has(methods, "parseFrom(InputStream)", stream.and(named("parseFrom")).and(takesArguments(1))),
                has(methods, "parseFrom(ByteString)", byteString.and(named("parseFrom")).and(takesArguments(1))));
        if (missing != null) {
            return skip(builder, "Protobuf", type, missing);
        }
        return builder
                .visit(sites.advice(SourceReadAdvice.class, Sites.READ_BYTES).on(bytes))
                .visit(sites.advice(RangeReadAdvice.class, Sites.READ_BYTES_RANGE).on(range))
                .visit(sites.advice(SourceReadAdvice.class, Sites.READ_BYTESTRING).on(byteString))
                .visit(sites.advice(SourceReadAdvice.class, Sites.READ_BYTEBUFFER).on(byteBuffer))
                .visit(sites.advice(StreamReadAdvice.class, Sites.READ_STREAM).on(stream));
    }
}
