package dev.serialscope.samples;

import java.io.Serializable;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;

/**
 * An RMI pricing service on loopback, in the same JVM as its client. The client asks for a price
 * {@value #CALLS} times and passes the same ~250 KB rate table with every call: RMI serializes each
 * argument afresh for every call, so the table crosses the connection {@value #CALLS} times although
 * the server could have kept it. The fix: send the table once (or keep it on the server) and pass
 * only an id or version with each call.
 */
public final class RmiRepeatedArgument {

    private static final int CALLS = 30;

    /** The remote interface. */
    public interface PricingService extends Remote {
        long price(String sku, RateTable rates) throws RemoteException;
    }

    /** A large, read-only table that the client passes along with every request. */
    public static final class RateTable implements Serializable {
        private static final long serialVersionUID = 1L;
        final Map<String, Long> ratesBySku = new HashMap<>();
    }

    static final class Pricing implements PricingService {
        @Override
        public long price(String sku, RateTable rates) {
            Long rate = rates.ratesBySku.get(sku);
            return rate == null ? -1 : rate;
        }
    }

    private RmiRepeatedArgument() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        Pricing pricing = new Pricing();
        Registry registry = LocateRegistry.createRegistry(0 == args.length ? 0 : Integer.parseInt(args[0]));
        PricingService stub = (PricingService) UnicastRemoteObject.exportObject(pricing, 0);
        registry.rebind("pricing", stub);
        try {
            PricingService client = (PricingService) registry.lookup("pricing");
            RateTable rates = new RateTable();
            for (int i = 0; i < 10_000; i++) {
                rates.ratesBySku.put("SKU-" + i, 100L + i);
            }
            long total = 0;
            for (int call = 0; call < CALLS; call++) {
                total += client.price("SKU-" + call, rates);
            }
            System.out.printf("RmiRepeatedArgument: %d remote price calls, each passing the same %d-entry rate table;"
                    + " total %d%n", CALLS, rates.ratesBySku.size(), total);
        } finally {
            UnicastRemoteObject.unexportObject(pricing, true);
            UnicastRemoteObject.unexportObject(registry, true);
        }
    }
}
