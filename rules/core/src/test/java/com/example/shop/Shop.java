package com.example.shop;

import dev.serialscope.probe.SimulatedProbe;
import jdk.jfr.Event;

/**
 * The call sites of the synthetic recordings: application code outside dev.serialscope that
 * serializes. Each method is a distinct site the rules must name.
 */
public final class Shop {

    private Shop() {
    }

    public static void sendOrder(Event event) {
        SimulatedProbe.write(event, 0);
    }

    public static void publishCatalog(Event event, long durationMillis) {
        SimulatedProbe.write(event, durationMillis);
    }

    public static void tickPrice(Event event) {
        SimulatedProbe.write(event, 0);
    }

    public static void replicateSession(Event event) {
        SimulatedProbe.write(event, 0);
    }

    public static void receiveOrder(Event event) {
        SimulatedProbe.read(event);
    }

    public static void loadBackup(Event event) {
        SimulatedProbe.read(event);
    }
}
