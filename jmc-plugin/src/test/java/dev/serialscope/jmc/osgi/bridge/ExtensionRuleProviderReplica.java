package dev.serialscope.jmc.osgi.bridge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.internal.IRuleProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A copy of what JMC's application fragment org.openjdk.jmc.flightrecorder.rules.extensionprovider (9.1.2,
 * ExtensionRuleProvider) does; that fragment is not on Maven Central. Packaged by the integration test as a
 * fragment of org.openjdk.jmc.flightrecorder.rules, it lets RuleRegistry find the rules of every bundle that
 * contributes a ruleProvider element, through that bundle's class loader.
 */
public final class ExtensionRuleProviderReplica implements IRuleProvider {

    public static final String EXTENSION_POINT = "org.openjdk.jmc.flightrecorder.rules.ruleProvider";

    @Override
    public Collection<IRule> getRules() {
        List<IRule> rules = new ArrayList<>();
        for (IConfigurationElement element : Platform.getExtensionRegistry()
                .getConfigurationElementsFor(EXTENSION_POINT)) {
            Bundle bundle = Platform.getBundle(element.getContributor().getName());
            ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
            ServiceLoader.load(IRule.class, loader).forEach(rules::add);
        }
        return rules;
    }
}
