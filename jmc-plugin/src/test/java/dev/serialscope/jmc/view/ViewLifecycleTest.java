package dev.serialscope.jmc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.internal.runtime.RuntimeLog;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.serialscope.jmc.analysis.RecordingAnalyzer;
import dev.serialscope.jmc.testing.SampleRecording;
import dev.serialscope.jmc.testing.TestOutput;

import dev.serialscope.rules.result.RuleRunner;

/**
 * The view's part listener, follower and analysis jobs (everything of HotSpotsView but the workbench itself)
 * through a JMC session: parts closing before any recording was opened, other views activated, a recording opened,
 * a switch to a second one while the first is still being analysed, both closed, File > Exit closing what is left
 * (references whose part is already gone), and the view disposed while a job still runs. Issue 16: closing a part
 * while no recording was shown threw, an "An error has occurred" dialog on every exit. Any exception on the UI
 * thread and any entry in the Eclipse log (where failed jobs go) fails the test.
 *
 * <p>The workbench's part references and JMC's editor are not available without JMC's UI bundles: the test hands
 * the listener references built with {@link Proxy} that answer what the workbench's do (the editor's site id and
 * its path input); what JMC's workbench calls when and in which order could only be watched in a running JMC.
 */
class ViewLifecycleTest {

    private final List<Throwable> uiExceptions = new ArrayList<>();
    private final List<IStatus> logged = new ArrayList<>();
    private final ILogListener log = (status, plugin) -> logged.add(status);
    private final List<Job> jobs = new ArrayList<>();
    private Display display;
    private Shell shell;
    private HotSpotsPanel panel;
    private EditorTracker tracker;

    @BeforeEach
    void openView() {
        DisplayAvailable.assumeDisplay();
        display = new Display();
        display.setRuntimeExceptionHandler(uiExceptions::add);
        display.setErrorHandler(uiExceptions::add);
        // Failed jobs go to the Eclipse log; outside an OSGi framework the log is RuntimeLog, which Platform's
        // log forwards to inside JMC.
        RuntimeLog.addLogListener(log);
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(ProductionRecordingViewTest.DEFAULT_WIDTH, ProductionRecordingViewTest.DEFAULT_HEIGHT);
        panel = new HotSpotsPanel(shell);
        ShownAnalysis shown = new ShownAnalysis(panel, new RecordingAnalyzer(
                RuleRunner.serialScopeRules(ViewLifecycleTest.class.getClassLoader())), job -> {
                    jobs.add(job);
                    job.schedule();
                });
        tracker = new EditorTracker(new RecordingFollower(shown));
        shell.open();
    }

    @AfterEach
    void closeView() {
        RuntimeLog.removeLogListener(log);
        if (display != null) {
            display.dispose();
        }
    }

    @Test
    void aSessionFromFirstPartToExitThrowsNothingAndLogsNothing() throws Exception {
        File first = SampleRecording.of("RepeatedObject").toFile();
        File second = copy(first, "second.jfr");
        IWorkbenchPartReference firstEditor = editor(first);
        IWorkbenchPartReference secondEditor = editor(second);

        // Views open and close before any recording is open.
        tracker.partActivated(view());
        tracker.partClosed(view());
        tracker.partClosed(gone());
        settle();
        assertEquals(HotSpotsPanel.NO_RECORDING, panel.status());

        // A recording opens; a switch to the second comes before the first's analysis has ended, then back.
        tracker.partActivated(firstEditor);
        tracker.partBroughtToTop(secondEditor);
        tracker.partActivated(view());
        tracker.partActivated(firstEditor);
        finishJobs();
        assertTrue(panel.status().startsWith(first.getName() + ": "), panel.status());
        tracker.partInputChanged(secondEditor);
        finishJobs();
        assertTrue(panel.status().startsWith(second.getName() + ": "), panel.status());

        // Closing the other editor keeps what is shown; closing the shown one clears the view.
        tracker.partClosed(firstEditor);
        settle();
        assertTrue(panel.status().startsWith(second.getName() + ": "), panel.status());
        tracker.partClosed(secondEditor);
        settle();
        assertEquals(HotSpotsPanel.NO_RECORDING, panel.status());

        // File > Exit: the remaining parts close, some already without their part.
        tracker.partClosed(gone());
        tracker.partClosed(firstEditor);
        tracker.partClosed(view());
        tracker.partClosed(gone());
        settle();
        assertEquals(HotSpotsPanel.NO_RECORDING, panel.status());

        // Exit while an analysis runs: the view goes first, the job's result finds no panel.
        tracker.partActivated(firstEditor);
        shell.dispose();
        finishJobs();

        assertEquals(List.of(), uiExceptions, "exceptions on the UI thread");
        assertEquals(List.of(), logged, "entries in the Eclipse log");
        // A job cancelled before it ran has no result.
        assertTrue(jobs.stream().allMatch(job -> job.getResult() == null || job.getResult().getSeverity() != IStatus.ERROR),
                "no job ended with an error");
    }

    private void finishJobs() throws Exception {
        for (Job job : List.copyOf(jobs)) {
            job.join();
        }
        settle();
    }

    private void settle() throws InterruptedException {
        Screenshots.settle(display);
    }

    private static File copy(File recording, String name) throws Exception {
        Path copy = TestOutput.directory().resolve("recordings").resolve(name);
        Files.copy(recording.toPath(), copy, StandardCopyOption.REPLACE_EXISTING);
        return copy.toFile();
    }

    /** A reference to JMC's flight recording editor on {@code recording}. */
    private static IWorkbenchPartReference editor(File recording) {
        IPathEditorInput input = answering(IPathEditorInput.class, "getPath", IPath.fromOSString(recording.getPath()));
        IEditorSite site = answering(IEditorSite.class, "getId", JfrEditors.JFR_EDITOR_ID);
        IEditorPart editor = (IEditorPart) Proxy.newProxyInstance(ViewLifecycleTest.class.getClassLoader(),
                new Class<?>[] {IEditorPart.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getSite", "getEditorSite" -> site;
                case "getEditorInput" -> input;
                default -> defaultValue(method.getReturnType());
                });
        return answering(IWorkbenchPartReference.class, "getPart", editor);
    }

    /** Another view, e.g. Stack Trace or the Outline. */
    private static IWorkbenchPartReference view() {
        return answering(IWorkbenchPartReference.class, "getPart", answering(IViewPart.class, "none", null));
    }

    /** A reference whose part is already disposed or was never restored: getPart(false) is null. */
    private static IWorkbenchPartReference gone() {
        return answering(IWorkbenchPartReference.class, "getPart", null);
    }

    /** An instance of {@code type} whose method {@code name} returns {@code value}; others return defaults. */
    private static <T> T answering(Class<T> type, String name, Object value) {
        return type.cast(Proxy.newProxyInstance(ViewLifecycleTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals(name) ? value
                        : method.getName().equals("equals") ? proxy == args[0]
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                        : defaultValue(method.getReturnType())));
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
