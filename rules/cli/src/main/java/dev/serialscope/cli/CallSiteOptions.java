package dev.serialscope.cli;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmc.common.util.IPreferenceValueProvider;

import picocli.CommandLine.Option;

import dev.serialscope.rules.recording.CallSites;

/** The option shared by the commands that name call sites: more libraries to look through, besides the known ones. */
final class CallSiteOptions {

    @Option(names = "--library", paramLabel = "PREFIX", split = ",",
            description = "Also treat classes starting with PREFIX (e.g. com.example.messaging.) as a library that "
                    + "serializes on the application's behalf: call sites are the application's frame below it, "
                    + "\"... via Library.method\". Repeatable, or comma-separated.")
    private List<String> libraries = new ArrayList<>();

    CallSites callSites() {
        return callSites(IPreferenceValueProvider.DEFAULT_VALUES);
    }

    /** The libraries of the rule preference ({@code --set serialscope.callSites.libraries=...}) and these. */
    CallSites callSites(IPreferenceValueProvider preferences) {
        return CallSites.of(preferences).withLibraries(libraries);
    }
}
