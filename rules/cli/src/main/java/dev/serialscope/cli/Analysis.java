package dev.serialscope.cli;

import java.nio.file.Path;
import java.util.List;

import org.openjdk.jmc.flightrecorder.rules.Severity;

import dev.serialscope.rules.result.Finding;

/** The findings of one recording, in {@link Finding#ORDER}. */
record Analysis(Path file, List<Finding> findings) {

    List<Finding> atLeast(Severity minimum) {
        return findings.stream().filter(finding -> finding.atLeast(minimum)).toList();
    }
}
