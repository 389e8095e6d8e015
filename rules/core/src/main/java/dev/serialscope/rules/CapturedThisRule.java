package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmc.common.unit.BinaryPrefix;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import dev.serialscope.rules.analysis.FieldPaths;
import dev.serialscope.rules.recording.CallSites;
import dev.serialscope.rules.recording.Call;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.Composition;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;

/**
 * A serializable lambda that captured {@code this}: a lambda written in an instance method that uses
 * a field or an instance method of its class holds the enclosing object in
 * {@code SerializedLambda.capturedArgs}, so every copy of the lambda serializes that whole object
 * too. Found in the Serialization Composition events: a {@code capturedArgs[i]} of the class that
 * created the lambda.
 */
public final class CapturedThisRule extends SerialScopeRule {

    public static final TypedPreference<IQuantity> INFO_SIZE = new TypedPreference<>(
            "serialscope.capturedThis.infoSize", "Captured this info limit",
            "Bytes of the captured enclosing object per call, for an information.", UnitLookup.MEMORY,
            UnitLookup.MEMORY.getUnit(BinaryPrefix.KIBI).quantity(4));
    public static final TypedPreference<IQuantity> WARNING_SIZE = new TypedPreference<>(
            "serialscope.capturedThis.warningSize", "Captured this warning limit",
            "Bytes of the captured enclosing object per call, for a warning.", UnitLookup.MEMORY,
            UnitLookup.MEMORY.getUnit(BinaryPrefix.KIBI).quantity(64));

    public static final TypedResult<String> CAPTURING_CLASS = text("capturingClass", "Capturing Class",
            "The class whose lambdas captured this.");
    public static final TypedResult<IQuantity> CAPTURED_SIZE = quantity("capturedSize", "Captured Size",
            "Bytes of the captured enclosing object per traced call.", UnitLookup.MEMORY);
    public static final TypedResult<IQuantity> CAPTURED_SHARE = quantity("capturedShare", "Captured Share",
            "The captured object as a share of the lambda's payload.", UnitLookup.PERCENTAGE);
    public static final TypedResult<IQuantity> LAMBDA_CALLS = quantity("lambdaCalls", "Lambda Calls",
            "Serialization calls whose root was a lambda of that class.", UnitLookup.NUMBER);
    public static final TypedResult<String> TRACED_IN = text("tracedIn", "Traced Calls",
            "Which calls of the lambda class were traced field by field.");
    public static final TypedResult<String> CAPTURED_FIELD = text("capturedField", "Heaviest Captured Field",
            "The heaviest field of the captured object.");
    public static final TypedResult<IQuantity> CAPTURED_FIELD_SIZE = quantity("capturedFieldSize",
            "Size of the Heaviest Captured Field", "Its bytes per traced call.", UnitLookup.MEMORY);

    public CapturedThisRule() {
        super("serialscope.capturedThis", "Captured This in Serialized Lambdas", SerialScopeTopics.SERIALIZATION,
                List.of(INFO_SIZE, WARNING_SIZE, CallSites.LIBRARIES), List.of(CAPTURING_CLASS, CAPTURED_SIZE, CAPTURED_SHARE,
                        LAMBDA_CALLS, TRACED_IN, CAPTURED_FIELD, CAPTURED_FIELD_SIZE));
    }

    /** One lambda class whose traced calls captured the enclosing object on {@code path}. */
    private record Capture(String lambdaClass, String path, FieldPaths fields, long bytesPerCall) {
        String capturingClass() {
            return Composition.capturingClass(lambdaClass);
        }
    }

    @Override
    protected IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp) {
        CallTable writes = recording.calls(SerialScopeEvents.SERIALIZATION);
        if (writes.isEmpty()) {
            return notRecorded(recording, vp, "per-call serialization events");
        }
        List<Call> lambdaCalls = lambdaCalls(writes);
        List<Composition> lambdaPaths = recording.compositions().stream()
                .filter(path -> Composition.isLambda(path.rootClass())).toList();
        if (lambdaCalls.isEmpty() && lambdaPaths.isEmpty()) {
            return scored(vp, 0).setSummary("No serializable lambda was written.").build();
        }
        if (lambdaPaths.isEmpty()) {
            return notApplicable(vp, lambdaCalls.size() + (lambdaCalls.size() == 1
                    ? " serializable lambda was written, but it was not traced field by field, so what it captured is"
                    : " serializable lambdas were written, but none was traced field by field, so what they captured is")
                    + " unknown: "
                    + SerialScopeEvents.HOW_TO_RECORD_COMPOSITION + ".");
        }
        // The captured enclosing instance: capturedArgs[i] of the class that created the lambda.
        Map<String, String> capturedPaths = new LinkedHashMap<>();
        for (Composition path : lambdaPaths) {
            if (path.level() == 2 && path.path().matches("capturedArgs\\[\\d+]")
                    && path.valueClass().equals(Composition.capturingClass(path.rootClass()))) {
                capturedPaths.putIfAbsent(path.rootClass(), path.path());
            }
        }
        List<Capture> captures = new ArrayList<>();
        capturedPaths.forEach((lambdaClass, path) -> {
            FieldPaths fields = FieldPaths.of(lambdaClass, lambdaPaths, writes);
            captures.add(new Capture(lambdaClass, path, fields, fields.bytesPerCall(path)));
        });
        captures.sort(Comparator.comparingLong(Capture::bytesPerCall).reversed());
        int count = lambdaCalls.size();
        ResultBuilder result;
        if (captures.isEmpty()) {
            return scored(vp, 0).addResult(LAMBDA_CALLS, UnitLookup.NUMBER_UNITY.quantity(count))
                    .setSummary("{lambdaCalls} serializable " + (count == 1 ? "lambda was written; it did not capture"
                            : "lambdas were written; none of the traced ones captured") + " its enclosing instance.")
                    .build();
        }
        Capture worst = captures.get(0);
        double score = RulesToolkit.mapExp100(worst.bytesPerCall(), value(vp, INFO_SIZE, UnitLookup.BYTE),
                value(vp, WARNING_SIZE, UnitLookup.BYTE));
        long callBytes = worst.fields().callBytes();
        long callsOfWorst = lambdaCalls.stream().filter(call -> call.rootClass().equals(worst.lambdaClass())).count();
        result = scored(vp, score).addResult(CAPTURING_CLASS, Composition.shortName(worst.capturingClass()))
                .addResult(CAPTURED_SIZE, bytes(worst.bytesPerCall()))
                .addResult(CAPTURED_SHARE, share(callBytes == 0 ? 1 : Math.min(1, (double) worst.bytesPerCall()
                        / callBytes)))
                .addResult(LAMBDA_CALLS, UnitLookup.NUMBER_UNITY.quantity(Math.max(callsOfWorst,
                        worst.fields().tracedCalls())))
                .addResult(TRACED_IN, tracedIn(worst.fields().tracedCalls(), callsOfWorst));
        if (severity(score) == Severity.OK) {
            return result.setSummary("Lambdas of {capturingClass} captured this, but it is small: {capturedSize} per "
                    + "call.").build();
        }
        Optional<FieldPaths.Heaviest> field = worst.fields().heaviestBelow(worst.path());
        String fieldSentence;
        String fieldName = null;
        if (field.isPresent()) {
            fieldName = field.get().path().substring(worst.path().length() + 1);
            result.addResult(CAPTURED_FIELD, fieldName).addResult(CAPTURED_FIELD_SIZE, bytes(field.get().bytesPerCall()));
            fieldSentence = ", and its field {capturedField} is {capturedFieldSize} of that.";
        } else {
            fieldSentence = ". " + capitalized(SerialScopeEvents.HOW_TO_RECORD_COMPOSITION) + ", to see its fields.";
        }
        List<Culprit> culprits = new ArrayList<>();
        for (Capture capture : captures.subList(0, Math.min(3, captures.size()))) {
            culprits.add(new Culprit(Culprit.Kind.CLASS, capture.capturingClass(),
                    capture.fields().totals().get(capture.path()).bytes(), capture.fields().tracedCalls()));
        }
        if (field.isPresent()) {
            culprits.add(new Culprit(Culprit.Kind.FIELD, worst.capturingClass() + "." + fieldName,
                    field.get().totalBytes(), field.get().tracedCalls()));
        }
        List<Call> worstCalls = lambdaCalls.stream().filter(call -> call.rootClass().equals(worst.lambdaClass()))
                .toList();
        culprits.addAll(culprits(Tally.of(worstCalls, Call::site, Tally::bytes), Culprit.Kind.SITE, 3));
        culprits.addAll(culprits(Tally.of(worstCalls, Call::channel, Tally::bytes), Culprit.Kind.CHANNEL, 3));
        return result.addResult(Culprit.CULPRITS, culprits)
                .setSummary("Serializable lambdas created in {capturingClass} captured this: {tracedIn} "
                        + "wrote the whole {capturingClass} ({capturedSize}, {capturedShare} of the lambda's "
                        + "payload)" + fieldSentence)
                .setExplanation("A lambda written in an instance method that uses a field or an instance method of "
                        + "its class captures this. A serializable lambda (cast to an intersection with "
                        + "Serializable, or of a functional interface that extends it) is written as a "
                        + "java.lang.invoke.SerializedLambda whose capturedArgs hold the enclosing object, so each "
                        + "copy of the lambda serializes that object and everything it reaches, although the "
                        + "lambda's code may need only one value of it. The receiver deserializes all of it too.")
                .setSolution("Copy what the lambda needs into local variables and call a static method, e.g. "
                        + "String name = this.name; return () -> render(name, day); so that the lambda captures "
                        + "only those values"
                        + (fieldName == null ? "" : "; or mark {capturedField} transient if the receiver never needs "
                                + "it")
                        + ". A static nested class instead of the lambda makes what is shipped explicit.")
                .build();
    }

    /** The calls that wrote a lambda; each class name is looked at once, not once per call. */
    private static List<Call> lambdaCalls(CallTable writes) {
        boolean[] lambda = new boolean[writes.classCount()];
        for (int index = 0; index < lambda.length; index++) {
            lambda[index] = Composition.isLambda(writes.className(index));
        }
        List<Call> calls = new ArrayList<>();
        for (int row = 0; row < writes.size(); row++) {
            if (lambda[writes.rootClassIndex(row)]) {
                calls.add(writes.get(row));
            }
        }
        return calls;
    }

    /** "each of the 30 calls", "the 2 traced calls (of 30)". */
    private static String tracedIn(int traced, long all) {
        if (traced >= all) {
            return traced == 1 ? "the call" : "each of the " + traced + " calls";
        }
        return (traced == 1 ? "the traced call" : "each of the " + traced + " traced calls") + " (of " + all + ")";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
