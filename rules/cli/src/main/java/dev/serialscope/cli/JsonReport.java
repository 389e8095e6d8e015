package dev.serialscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmc.flightrecorder.rules.Severity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import dev.serialscope.rules.result.Culprit;
import dev.serialscope.rules.result.Finding;

/**
 * The JSON reports, a stable format for CI (rules/README.md describes it). Analysis: {@code {"file", "version",
 * "results": [{"id", "name", "severity": "OK|INFO|WARNING|NA", "score", "summary", "explanation", "solution",
 * "culprits": [{"kind": "class|site|channel|field|store", "name", "bytes", "count"}]}]}}; several files give an array of
 * such objects.
 */
final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes one JSON document with {@link JsonGenerator}; the document is printed whole, as one line ends it. */
    @FunctionalInterface
    interface Document {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonReport() {
    }

    static void write(List<Analysis> analyses, Severity minimum, PrintStream out) {
        print(out, json -> {
            if (analyses.size() == 1) {
                analysis(json, analyses.get(0), minimum);
            } else {
                json.writeStartArray();
                for (Analysis analysis : analyses) {
                    analysis(json, analysis, minimum);
                }
                json.writeEndArray();
            }
        });
    }

    /** Pretty-printed, {@code "name": value}, into a string first: a failure leaves no half document behind. */
    static void print(PrintStream out, Document document) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            document.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        out.println(text);
    }

    /** A number with one decimal, as the schema has it (not Java's shortest form, e.g. 1.0E7). */
    static void oneDecimal(JsonGenerator json, String field, Double value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(String.format(Locale.ROOT, "%.1f", value));
        }
    }

    private static void analysis(JsonGenerator json, Analysis analysis, Severity minimum) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", analysis.file().toString());
        json.writeStringField("version", Version.get());
        json.writeArrayFieldStart("results");
        for (Finding finding : analysis.atLeast(minimum)) {
            json.writeStartObject();
            json.writeStringField("id", finding.id());
            json.writeStringField("name", finding.name());
            json.writeStringField("severity", Finding.label(finding.severity()));
            oneDecimal(json, "score", finding.score());
            json.writeStringField("summary", finding.summary());
            json.writeStringField("explanation", finding.explanation());
            json.writeStringField("solution", finding.solution());
            json.writeArrayFieldStart("culprits");
            for (Culprit culprit : finding.culprits()) {
                json.writeStartObject();
                json.writeStringField("kind", culprit.kind().label());
                json.writeStringField("name", culprit.name());
                json.writeNumberField("bytes", culprit.bytes());
                json.writeNumberField("count", culprit.count());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
