package dev.serialscope.cli;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where a report goes: stdout, or the file of -o. */
final class Reports {

    private Reports() {
    }

    static PrintStream open(Path output, PrintStream out) throws CliException {
        if (output == null) {
            return out;
        }
        try {
            return new PrintStream(new FileOutputStream(output.toFile()), false, StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new CliException(CliException.INPUT, "cannot write " + output + " (" + e.getMessage()
                    + "): choose another -o path", e);
        }
    }

    static void close(Path output, PrintStream target) throws CliException {
        target.flush();
        if (output != null) {
            target.close();
            if (target.checkError()) {
                throw CliException.input("writing " + output + " failed: check the disk and the path");
            }
        }
    }
}
