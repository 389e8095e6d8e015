package dev.serialscope.e2e.programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Serializes and deserializes a secret, made up at run time so that it is on no command line and
 * in no class file, in every shape a field value can take: a String field, a char[], a byte[], a
 * list element, a map key, block data of a custom writeObject, a large payload (so that the
 * production profile writes per-call and composition events too) and the field of an object whose
 * custom writeObject throws. Writes the secret to "secret.txt" for the test.
 */
public final class Secrets {

    static final class Account implements Serializable {
        final String password;
        final char[] pin;
        final byte[] key;
        final List<String> history;
        final Map<String, Integer> byToken;
        final byte[] padding = new byte[100_000];

        Account(String secret) {
            password = secret;
            pin = secret.toCharArray();
            key = secret.getBytes(StandardCharsets.UTF_8);
            history = List.of("old", secret);
            byToken = Map.of(secret, 1);
        }
    }

    static final class Custom implements Serializable {
        transient String secret;

        Custom(String secret) {
            this.secret = secret;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            out.writeUTF(secret);
            out.writeObject(secret);
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            secret = in.readUTF();
            in.readObject();
        }
    }

    static final class Refusing implements Serializable {
        final String secret;

        Refusing(String secret) {
            this.secret = secret;
        }

        private void writeObject(ObjectOutputStream out) {
            // Not the secret in the message: JFR's own jdk.JavaExceptionThrow (enabled by JDK 25's
            // default settings) records exception messages, which SerialScope does not control.
            throw new IllegalStateException("refuses to be written");
        }
    }

    private Secrets() {
    }

    public static void main(String[] args) throws Exception {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String secret = "s3cr3t-" + HexFormat.of().formatHex(random);
        Files.writeString(Path.of("secret.txt"), secret);
        CaseThread.run("secrets", () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ObjectOutputStream out = new ObjectOutputStream(bytes);
            for (int i = 0; i < 3; i++) {
                out.writeObject(new Account(secret));
                out.writeObject(new Custom(secret));
                out.writeObject(secret + i);
            }
            try {
                new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(new Refusing(secret));
            } catch (IllegalStateException expected) {
                // The event records the exception's class, never its message.
            }
            out.flush();
            ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            for (int i = 0; i < 9; i++) {
                in.readObject();
            }
        });
        // Past one statistics period and one composition sampling interval.
        Thread.sleep(1_100);
        CaseThread.run("secrets again", () -> new ObjectOutputStream(new ByteArrayOutputStream())
                .writeObject(new Account(secret)));
        System.out.println("done");
    }
}
