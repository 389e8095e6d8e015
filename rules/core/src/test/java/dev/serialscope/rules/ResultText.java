package dev.serialscope.rules;

import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;

/** The filled-in explanation and solution of a result. */
final class ResultText {

    private ResultText() {
    }

    static String explanation(IResult result) {
        return ResultToolkit.populateMessage(result, result.getExplanation(), false);
    }

    static String solution(IResult result) {
        return ResultToolkit.populateMessage(result, result.getSolution(), false);
    }
}
