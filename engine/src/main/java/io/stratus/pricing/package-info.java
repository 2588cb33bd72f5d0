/**
 * Prices and bills. Billing models are listeners of instance lifecycle events, never fields on
 * instances.
 */
package io.stratus.pricing;
