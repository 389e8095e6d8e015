package dev.serialscope.jmc.osgi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;

/**
 * A configuration element of the framework's extension registry, copied out by reflection: the registry's
 * classes inside the framework are not the ones on the test's class path.
 */
record ContributedElement(String contributor, String name, Map<String, String> attributes,
        List<ContributedElement> children) {

    private static final String ELEMENT = "org.eclipse.core.runtime.IConfigurationElement";

    /** All elements contributed to {@code extensionPoint}, as RegistryFactory.getRegistry() has them. */
    static List<ContributedElement> of(Bundle registryBundle, String extensionPoint) throws Exception {
        Object registry = registryBundle.loadClass("org.eclipse.core.runtime.RegistryFactory")
                .getMethod("getRegistry").invoke(null);
        Object[] elements = (Object[]) registryBundle.loadClass("org.eclipse.core.runtime.IExtensionRegistry")
                .getMethod("getConfigurationElementsFor", String.class).invoke(registry, extensionPoint);
        Class<?> elementType = registryBundle.loadClass(ELEMENT);
        List<ContributedElement> copies = new ArrayList<>();
        for (Object element : elements) {
            copies.add(copy(elementType, element));
        }
        return copies;
    }

    private static ContributedElement copy(Class<?> type, Object element) throws Exception {
        Object contributor = type.getMethod("getContributor").invoke(element);
        Method contributorName = type.getClassLoader().loadClass("org.eclipse.core.runtime.IContributor")
                .getMethod("getName");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : (String[]) type.getMethod("getAttributeNames").invoke(element)) {
            attributes.put(attribute, (String) type.getMethod("getAttribute", String.class).invoke(element, attribute));
        }
        List<ContributedElement> children = new ArrayList<>();
        for (Object child : (Object[]) type.getMethod("getChildren").invoke(element)) {
            children.add(copy(type, child));
        }
        return new ContributedElement((String) contributorName.invoke(contributor),
                (String) type.getMethod("getName").invoke(element), attributes, children);
    }
}
