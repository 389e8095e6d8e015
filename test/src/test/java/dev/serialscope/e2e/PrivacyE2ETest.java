package dev.serialscope.e2e;

import dev.serialscope.e2e.programs.ExpectedCall;
import dev.serialscope.e2e.programs.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Privacy: field values are never recorded. {@link Secrets} serializes a secret made up at run
 * time in every shape a value can take, under each profile; the recording has SerialScope's
 * events (per-call, statistics and, where the profile enables them, composition) but the secret's
 * bytes appear nowhere in the file, in any of JFR's string encodings (UTF-8, Latin-1 and char
 * arrays, which for ASCII are the same bytes) nor as UTF-16.
 */
class PrivacyE2ETest {

    static Stream<Arguments> jdksAndProfiles() {
        return Jdks.all().flatMap(jdk -> Stream.of(Profile.values()).map(profile -> Arguments.of(jdk, profile)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("jdksAndProfiles")
    void aSecretInASerializedFieldNeverReachesTheRecording(Jdk jdk, Profile profile, @TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.on(jdk, dir).withAgent().recording(profile);
        ChildRun run = child.run(Secrets.class).assertSucceeded();
        String secret = Files.readString(dir.resolve("secret.txt")).strip();
        byte[] file = Files.readAllBytes(run.recordingFile());
        Recording recording = run.recording();
        String random = secret.substring(secret.indexOf('-') + 1);
        List<String> found = new ArrayList<>();
        for (String needle : List.of(secret, random, random.substring(0, 12))) {
            if (indexOf(file, needle.getBytes(StandardCharsets.US_ASCII)) >= 0) {
                found.add("\"" + needle + "\" as ASCII/UTF-8");
            }
            if (indexOf(file, needle.getBytes(StandardCharsets.UTF_16BE)) >= 0
                    || indexOf(file, needle.getBytes(StandardCharsets.UTF_16LE)) >= 0) {
                found.add("\"" + needle + "\" as UTF-16");
            }
        }
        long composition = recording.events("serialscope.SerializationComposition").size();
        boolean compositionEnabled = recording.types().stream()
                .anyMatch(type -> type.getName().equals("serialscope.SerializationComposition"));
        assertAll(
                () -> assertEquals(List.of(), found, "the secret is in the recording " + run.recordingFile()),
                () -> assertTrue(recording.events(ExpectedCall.SERIALIZATION).size() > 0, "no Serialization events"),
                () -> assertTrue(recording.events(ExpectedCall.DESERIALIZATION).size() > 0, "no Deserialization events"),
                () -> assertTrue(recording.events("serialscope.SerializationStatistics").size() > 0, "no statistics"),
                () -> assertTrue(!compositionEnabled || composition > 0,
                        "the probe has composition events, but none was written for the large payload"));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
