/**
 * Dead letters: what could not be delivered (an exchange a resilient sink gave up on, a webhook event the route kept
 * failing on), kept with the reason until a replay delivers it.
 */
package org.jiraq.camel.deadletter;
