package dev.serialscope.e2e.programs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side file through which a child program tells the test what it measured: one line per
 * call, "call" then tab-separated key=value pairs. Lines are appended as they happen, so a
 * child that dies half way still leaves what it had measured.
 */
public final class ExpectationLog {

    private static final String CALL = "call";

    private final Path file;

    private ExpectationLog(Path file) {
        this.file = file;
    }

    public static ExpectationLog at(Path file) {
        return new ExpectationLog(file);
    }

    public synchronized void add(ExpectedCall call) {
        append(CALL, call.toFields());
    }

    public List<ExpectedCall> calls() {
        List<ExpectedCall> calls = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith(CALL + "\t")) {
                calls.add(ExpectedCall.fromFields(parse(line)));
            }
        }
        return calls;
    }

    private void append(String kind, Map<String, String> fields) {
        StringBuilder line = new StringBuilder(kind);
        fields.forEach((key, value) -> {
            if (value.contains("\t") || value.contains("\n")) {
                throw new IllegalArgumentException("unloggable value for " + key + ": " + value);
            }
            line.append('\t').append(key).append('=').append(value);
        });
        line.append('\n');
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        String[] parts = line.split("\t");
        for (int i = 1; i < parts.length; i++) {
            int split = parts[i].indexOf('=');
            fields.put(parts[i].substring(0, split), parts[i].substring(split + 1));
        }
        return fields;
    }
}
