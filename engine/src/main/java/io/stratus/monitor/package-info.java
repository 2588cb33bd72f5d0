/**
 * Measurements taken as the run goes: nothing per event is kept, only aggregates.
 */
package io.stratus.monitor;
