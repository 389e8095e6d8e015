package dev.serialscope.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IUnit;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;

import dev.serialscope.rules.recording.Call;
import dev.serialscope.rules.recording.CallTable;
import dev.serialscope.rules.recording.RecordingModel;
import dev.serialscope.rules.recording.SerialScopeEvents;
import dev.serialscope.rules.recording.Tally;
import dev.serialscope.rules.result.Culprit;
import dev.serialscope.rules.result.Score;

/**
 * The common part of the SerialScope rules. Unlike JMC's AbstractRule it keeps no reference to the
 * last evaluation, so one instance can evaluate several recordings at once.
 */
public abstract class SerialScopeRule implements IRule {

    private final String id;
    private final String name;
    private final String topic;
    private final List<TypedPreference<?>> preferences;
    private final List<TypedResult<?>> results;

    protected SerialScopeRule(String id, String name, String topic, List<TypedPreference<?>> preferences,
            List<TypedResult<?>> results) {
        this.id = id;
        this.name = name;
        this.topic = topic;
        this.preferences = List.copyOf(preferences);
        List<TypedResult<?>> all = new ArrayList<>();
        all.add(TypedResult.SCORE);
        all.add(Culprit.CULPRITS);
        all.addAll(results);
        this.results = List.copyOf(all);
    }

    /** Evaluates the rule; runs on a JMC evaluation thread. */
    protected abstract IResult evaluate(RecordingModel recording, IPreferenceValueProvider vp);

    @Override
    public RunnableFuture<IResult> createEvaluation(IItemCollection items, IPreferenceValueProvider vp,
            IResultValueProvider rp) {
        return new FutureTask<>(() -> evaluate(RecordingModel.of(items, vp), vp));
    }

    /**
     * No requirement: JMC would skip the rule with a generic "events not available" text, while the
     * rule itself says how to record the events (see {@link #notRecorded}).
     */
    @Override
    public Map<String, EventAvailability> getRequiredEvents() {
        return Collections.emptyMap();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getTopic() {
        return topic;
    }

    @Override
    public Collection<TypedPreference<?>> getConfigurationAttributes() {
        return preferences;
    }

    @Override
    public Collection<TypedResult<?>> getResults() {
        return results;
    }

    /**
     * The result when the recording has none of the events the rule reads: either the program did
     * not do that kind of call, or the agent was not there, and then the message says how to record.
     */
    protected final IResult notRecorded(IItemCollection items, IPreferenceValueProvider vp, String missing) {
        if (hasSerialScopeEvents(items)) {
            return notApplicable(vp, "No " + missing + " in this recording.");
        }
        if (recordedWithAgent(items)) {
            return scored(vp, 0).setSummary("No serialization was recorded: the agent was there, and the program "
                    + "serialized nothing while it recorded.").build();
        }
        return notApplicable(vp, "No " + missing + " in this recording: " + SerialScopeEvents.HOW_TO_RECORD + ".");
    }

    /**
     * Whether the SerialScope agent was loaded: Flight Recorder lists the event types it registered in the
     * recording even when none of them occurred.
     */
    public static boolean recordedWithAgent(IItemCollection items) {
        for (IItemIterable events : items) {
            if (events.getType().getIdentifier().startsWith(SerialScopeEvents.PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the SerialScope agent recorded anything at all. */
    public static boolean hasSerialScopeEvents(IItemCollection items) {
        return items.apply(ItemFilters.type(Set.of(SerialScopeEvents.SERIALIZATION,
                SerialScopeEvents.DESERIALIZATION, SerialScopeEvents.STATISTICS))).hasItems();
    }

    protected final IResult notApplicable(IPreferenceValueProvider vp, String summary) {
        return ResultBuilder.createFor(this, vp).setSeverity(Severity.NA).setSummary(summary).build();
    }

    /** A builder with the score rounded once ({@link Score}), the severity that belongs to it, and the score attached. */
    protected final ResultBuilder scored(IPreferenceValueProvider vp, double score) {
        double rounded = Score.rounded(score);
        return ResultBuilder.createFor(this, vp).setSeverity(Severity.get(rounded))
                .addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(rounded));
    }

    /** The severity of a computed score as {@link #scored} will report it: of the rounded score. */
    protected static Severity severity(double score) {
        return Severity.get(Score.rounded(score));
    }

    protected static double value(IPreferenceValueProvider vp, TypedPreference<IQuantity> preference, IUnit unit) {
        return vp.getPreferenceValue(preference).doubleValueIn(unit);
    }

    protected static IQuantity bytes(long amount) {
        return UnitLookup.BYTE.quantity(amount);
    }

    protected static IQuantity nanos(long amount) {
        return UnitLookup.NANOSECOND.quantity(amount);
    }

    /** A share rounded to 0.1 %, so that JMC does not print tiny shares in scientific notation. */
    protected static IQuantity share(double fraction) {
        return UnitLookup.PERCENT_UNITY.quantity(Math.round(fraction * 1000) / 1000.0);
    }

    protected static TypedResult<String> text(String id, String name, String description) {
        return new TypedResult<>(id, name, description, UnitLookup.PLAIN_TEXT, String.class);
    }

    protected static TypedResult<IQuantity> quantity(String id, String name, String description,
            org.openjdk.jmc.common.unit.ContentType<IQuantity> contentType) {
        return new TypedResult<>(id, name, description, contentType, IQuantity.class);
    }

    /** Culprits of one kind, the heaviest first, at most {@code limit}. */
    /** {@code "1 stream"} but {@code "2 streams"}: the noun for a count, for messages whose number is a placeholder. */
    protected static String noun(long count, String singular) {
        return count == 1 ? singular : singular + "s";
    }

    /** The data-grid maps (or other stores) of the rows that {@code rows} accepts, by the bytes {@code bytesOf} gives. */
    protected static List<Culprit> storeCulprits(CallTable calls, IntPredicate rows, IntToLongFunction bytesOf, int limit) {
        return culprits(calls.tally(CallTable.Key.STORE, rows, bytesOf, Tally::bytes).stream()
                .filter(tally -> !tally.key().equals(CallTable.NO_STORE)).toList(), Culprit.Kind.STORE, limit);
    }

    protected static List<Culprit> culprits(List<Tally> tallies, Culprit.Kind kind, int limit) {
        // A read that failed before it had an object has no class to name.
        return tallies.stream().filter(tally -> kind != Culprit.Kind.CLASS || !tally.key().equals(Call.NO_OBJECT))
                .limit(limit).map(tally -> new Culprit(kind, tally.key(), tally.bytes(), tally.calls())).toList();
    }
}
