/**
 * Placement policies: given an instance's demand and a read-only view of the hosts, choose a
 * host. A policy only decides; the engine reserves the resources. "No host" is an outcome that
 * the caller records (insufficient capacity), never an exception.
 */
package io.stratus.placement;
