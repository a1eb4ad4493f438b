package org.jiraq.camel.health;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.jiraq.camel.connection.JiraqConnection;

/**
 * The producer health checks of one component: one {@link JiraqConnectionHealthCheck} per connection, in Camel's
 * {@code producers} repository from the start of the connection's first producer to the stop of its last one. Without
 * camel-health nothing is registered and no health class is loaded.
 */
public final class JiraqProducerHealthChecks {

    private final CamelContext context;
    private final BooleanSupplier enabledByComponent;
    private final Map<JiraqConnection, Registration> registrations = new IdentityHashMap<>();

    /** @param enabledByComponent the component's healthCheckProducerEnabled, read at every call of a check */
    public JiraqProducerHealthChecks(CamelContext context, BooleanSupplier enabledByComponent) {
        this.context = context;
        this.enabledByComponent = enabledByComponent;
    }

    public synchronized void producerStarted(JiraqConnection connection) {
        Registration registration = registrations.get(connection);
        if (registration == null) {
            WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                    WritableHealthCheckRepository.class);
            if (repository == null) {
                return; // camel-health is not there
            }
            JiraqConnectionHealthCheck check = new JiraqConnectionHealthCheck(connection, enabledByComponent);
            repository.addHealthCheck(check);
            registration = new Registration(repository, check);
            registrations.put(connection, registration);
        }
        registration.producers++;
    }

    public synchronized void producerStopped(JiraqConnection connection) {
        Registration registration = registrations.get(connection);
        if (registration != null && --registration.producers == 0) {
            registrations.remove(connection);
            registration.repository.removeHealthCheck(registration.check);
        }
    }

    private static final class Registration {
        final WritableHealthCheckRepository repository;
        final JiraqConnectionHealthCheck check;
        int producers;

        Registration(WritableHealthCheckRepository repository, JiraqConnectionHealthCheck check) {
            this.repository = repository;
            this.check = check;
        }
    }
}
