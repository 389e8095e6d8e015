package dev.serialscope.probe.core;

/**
 * One instrumentation: what it matches, its advice and its hooks. The agent installs every module
 * of its list through the same {@link ProbeCore}; a module that fails to install is reported and
 * leaves the others working.
 */
public interface InstrumentationModule {

    /** As the user reads it in "the X instrumentation hook failed". */
    String name();

    void install(ProbeCore core) throws Exception;
}
