/**
 * The simulated site's state: {@link org.jiraq.simulator.model.SimulatorState} with its projects, issues, comments,
 * attachments and users, the fixed catalogue (issue types, priorities, the workflow), and the change events webhooks are
 * made from. Public, because tests seed and inspect the state through these types. Uses no other sub-package.
 */
package org.jiraq.simulator.model;
