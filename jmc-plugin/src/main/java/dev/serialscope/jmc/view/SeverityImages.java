package dev.serialscope.jmc.view;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;
import org.openjdk.jmc.flightrecorder.rules.Severity;

/**
 * JMC's own severity icons, as its Results view and pages show them: read from JMC's flight recorder UI bundle at
 * run time (the bundle is not on Maven Central, so nothing is copied from it). Outside JMC there is no such bundle
 * and findings show their severity as text alone. The images go with the control they were made for.
 */
final class SeverityImages {

    static final String JMC_UI_BUNDLE = "org.openjdk.jmc.flightrecorder.ui";

    private final Map<Severity, Image> images = new EnumMap<>(Severity.class);

    SeverityImages(Control owner) {
        for (Severity severity : Severity.values()) {
            ResourceLocator.imageDescriptorFromBundle(JMC_UI_BUNDLE, "icons/" + fileOf(severity))
                    .map(ImageDescriptor::createImage).ifPresent(image -> images.put(severity, image));
        }
        owner.addDisposeListener(event -> images.values().forEach(Image::dispose));
    }

    /** The icon of the severity, or null outside JMC. */
    Image of(Severity severity) {
        return images.get(severity);
    }

    /** The files of JMC's ImageConstants ICON_WARNING, ICON_INFO, ICON_OK and ICON_NA. */
    static String fileOf(Severity severity) {
        return switch (severity) {
        case WARNING -> "warning.png";
        case INFO -> "info.png";
        case OK -> "ok.png";
        default -> "na.png";
        };
    }
}
