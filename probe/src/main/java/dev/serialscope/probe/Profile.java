package dev.serialscope.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;

/** The two SerialScope recording profiles, each applied on top of the JDK's default settings. */
enum Profile {
    PRODUCTION, DIAGNOSE;

    static Profile named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile '" + name + "' is not production or diagnose");
        }
    }

    /** JFR settings: the JDK's default.jfc, then ours. */
    Map<String, String> settings() throws IOException, ParseException {
        Map<String, String> settings = new HashMap<>(Configuration.getConfiguration("default").getSettings());
        String resource = "/dev/serialscope/events/" + name().toLowerCase(Locale.ROOT) + ".jfc";
        try (InputStream in = Profile.class.getResourceAsStream(resource);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            settings.putAll(Configuration.create(reader).getSettings());
        }
        return settings;
    }
}
