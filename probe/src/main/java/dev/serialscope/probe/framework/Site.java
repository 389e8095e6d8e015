package dev.serialscope.probe.framework;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The constant {@code FrameworkBridge.site(framework, kind)} bound into a piece of advice where it is applied: see {@link Sites}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Site {
}
