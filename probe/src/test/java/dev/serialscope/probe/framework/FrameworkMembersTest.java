package dev.serialscope.probe.framework;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.google.protobuf.ByteString;
import dev.serialscope.boot.FrameworkBridge;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The by-name member access and byte arithmetic of the framework probe, against the real libraries. */
class FrameworkMembersTest {

    @Test
    void kryoTotalsAndStreamsAreFoundByName() throws Throwable {
        Output output = new Output(16, -1);
        output.writeString("hello");
        assertEquals(output.total(), new Members("total", long.class).getLong(output));
        assertNull(new Members("getOutputStream", Object.class).getObject(output));
        Input input = new Input(new ByteArrayInputStream(new byte[8]), 4);
        input.readInt();
        assertEquals(4L, new Members("total", long.class).getLong(input));
        assertEquals(Members.MISSING, new Members("total", long.class).getLong("not kryo"));
        assertEquals(Members.MISSING, new Members("total", long.class).getLong(null));
    }

    @Test
    void protobufByteStringSizeThroughItsNonPublicSubclass() throws Throwable {
        ByteString string = ByteString.copyFromUtf8("twelve bytes");
        assertEquals(12L, new Members("size", long.class).getLong(string));
    }

    @Test
    void utf8LengthEqualsTheEncodedLength() {
        for (String text : new String[] {"", "ascii", "Zoë Ünal", "€uro", "emoji \uD83D\uDE00!", "lone \uD800 surrogate"}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), text);
        }
    }

    @Test
    void countingInputStreamFollowsMarkAndReset() throws IOException {
        FrameworkBridge.CountingInputStream in =
                new FrameworkBridge.CountingInputStream(new ByteArrayInputStream(new byte[10]));
        in.read();
        in.mark(10);
        in.read(new byte[4], 0, 4);
        assertEquals(5, in.count());
        in.reset();
        assertEquals(1, in.count());
        in.skip(3);
        assertEquals(4, in.count());
    }

    @Test
    void sitesCarryFrameworkAndKind() {
        Frameworks frameworks = new Frameworks();
        frameworks.add("kryo");
        frameworks.add("jackson");
        int protobuf = frameworks.add("protobuf");
        int site = FrameworkBridge.site(protobuf, Sites.READ_STREAM);
        assertEquals(protobuf, FrameworkBridge.framework(site));
        assertEquals(Sites.READ_STREAM, FrameworkBridge.kind(site));
        assertEquals("protobuf", frameworks.name(FrameworkBridge.framework(site)));
    }
}
